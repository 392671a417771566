package dev.weft.linux.netlink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class MessageCodecProperties {
  record Attr(int type, byte[] payload) {}

  @Provide
  Arbitrary<List<Attr>> attrs() {
    Arbitrary<Attr> one = Combinators.combine(
        Arbitraries.integers().between(1, 0x3fff),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(40)).as(Attr::new);
    return one.list().ofMaxSize(12).filter(l -> l.stream().map(Attr::type).distinct().count() == l.size());
  }

  private static ByteBuffer body(ByteBuffer message) {
    ByteBuffer in = message.duplicate().order(ByteOrder.nativeOrder());
    List<NetlinkMessage> out = new ArrayList<>();
    NetlinkMessage.split(in, out::add);
    assertThat(out).hasSize(1);
    return out.getFirst().body();
  }

  @Property
  void attributesRoundTripWithFourByteAlignment(@ForAll("attrs") List<Attr> attrs, @ForAll int seq, @ForAll int family) {
    MessageWriter w = new MessageWriter(Rtnl.RTM_NEWLINK, Rtnl.NLM_F_CREATE).ifinfomsg(family & 0xff, 7, 1, 1);
    attrs.forEach(a -> w.attr(a.type(), a.payload()));
    ByteBuffer msg = w.finish(seq, 42);
    assertThat(msg.remaining() % 4).isZero();
    assertThat(msg.getInt(0)).isEqualTo(msg.remaining());
    assertThat(msg.getShort(6) & 0xffff).isEqualTo(Rtnl.NLM_F_CREATE | Rtnl.NLM_F_REQUEST | Rtnl.NLM_F_ACK);
    assertThat(msg.getInt(8)).isEqualTo(seq);
    NetlinkMessage parsed = new NetlinkMessage(Rtnl.RTM_NEWLINK, 0, seq, 42, body(msg));
    assertThat(parsed.s32(4)).isEqualTo(7);
    Attributes decoded = parsed.attributes(Rtnl.Ifla.IFINFOMSG_LEN);
    assertThat(decoded.types()).hasSize(attrs.size());
    for (Attr a : attrs) {
      assertThat(decoded.bytes(a.type())).hasValueSatisfying(b -> assertThat(b).isEqualTo(a.payload()));
    }
  }

  @Property
  void nestedAttributesRoundTrip(@ForAll("attrs") List<Attr> inner, @ForAll String text, @ForAll int value) {
    String clean = text.replace("\0", "");
    MessageWriter w = new MessageWriter(Rtnl.RTM_NEWLINK, 0).ifinfomsg(0, 0, 0, 0);
    w.attrString(1, clean);
    int mark = w.beginNested(2);
    inner.forEach(a -> w.attr(a.type(), a.payload()));
    w.endNested(mark);
    w.attrU32(3, value);
    w.attrU16Be(4, value & 0xffff);
    ByteBuffer msg = w.finish(1, 0);
    Attributes top = new NetlinkMessage(0, 0, 1, 0, body(msg)).attributes(Rtnl.Ifla.IFINFOMSG_LEN);
    assertThat(top.string(1)).contains(clean);
    assertThat(top.u32(3)).hasValue(value);
    assertThat(top.u16Be(4)).hasValue(value & 0xffff);
    Attributes nest = top.nested(2).orElseThrow();
    for (Attr a : inner) {
      assertThat(nest.bytes(a.type())).hasValueSatisfying(b -> assertThat(b).isEqualTo(a.payload()));
    }
  }

  @Property
  void splitFindsEveryMessageOfADatagram(@ForAll("attrs") List<Attr> attrs) {
    ByteBuffer datagram = ByteBuffer.allocate(64 * 1024).order(ByteOrder.nativeOrder());
    for (int i = 0; i < attrs.size(); i++) {
      MessageWriter w = new MessageWriter(Rtnl.RTM_NEWADDR, 0).u32(i).attr(attrs.get(i).type(), attrs.get(i).payload());
      datagram.put(w.finish(i, 9));
    }
    datagram.flip();
    List<NetlinkMessage> out = new ArrayList<>();
    NetlinkMessage.split(datagram, out::add);
    assertThat(out).hasSize(attrs.size());
    for (int i = 0; i < out.size(); i++) {
      byte[] payload = attrs.get(i).payload();
      assertThat(out.get(i).seq()).isEqualTo(i);
      assertThat(out.get(i).s32(0)).isEqualTo(i);
      assertThat(out.get(i).attributes(4).bytes(attrs.get(i).type())).hasValueSatisfying(
          b -> assertThat(b).isEqualTo(payload));
    }
  }
}
