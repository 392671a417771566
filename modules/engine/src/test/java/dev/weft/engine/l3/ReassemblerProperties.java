package dev.weft.engine.l3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.engine.packet.Fragmenter;
import dev.weft.engine.packet.IpProtocol;
import dev.weft.engine.packet.Ipv4Header;
import dev.weft.engine.packet.PacketWriter;
import dev.weft.engine.packet.UdpHeader;
import dev.weft.engine.testing.TestPackets;
import dev.weft.model.value.IpAddress;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class ReassemblerProperties {

  @Property(tries = 300)
  void fragmentsInAnyOrderGiveBackTheDatagram(@ForAll @Size(min = 1, max = 5000) byte[] payload,
      @ForAll @IntRange(min = 68, max = 1500) int mtu, @ForAll long shuffle) {
    ByteBuf whole = TestPackets.ALLOC.buffer();
    PacketWriter.writeIp(whole, Ipv4Header.of(IpAddress.parse("10.0.0.1"), IpAddress.parse("10.0.0.2"), IpProtocol.UDP, 20, 9, false),
        new UdpHeader(1, 2, 8), Unpooled.wrappedBuffer(payload));
    List<ByteBuf> pieces = new ArrayList<>(Fragmenter.fragment(whole, mtu, TestPackets.ALLOC));
    Collections.shuffle(pieces, new Random(shuffle));
    Reassembler r = new Reassembler();
    Optional<Reassembler.Datagram> done = Optional.empty();
    try {
      for (int i = 0; i < pieces.size(); i++) {
        Optional<Reassembler.Datagram> d = r.offer(pieces.get(i), TestPackets.ALLOC);
        assertThat(d.isPresent()).as("complete only after the last piece").isEqualTo(i == pieces.size() - 1);
        if (d.isPresent()) {
          done = d;
        }
      }
      assertThat(done.orElseThrow().fragments()).isEqualTo(pieces.size());
      assertThat(ByteBufUtil.getBytes(done.get().packet())).isEqualTo(ByteBufUtil.getBytes(whole));
    } finally {
      whole.release();
      done.ifPresent(d -> d.packet().release());
      r.releaseAll();
    }
  }
}
