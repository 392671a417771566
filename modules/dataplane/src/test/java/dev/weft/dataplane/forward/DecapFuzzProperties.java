package dev.weft.dataplane.forward;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.dataplane.plan.SocketPlan;
import dev.weft.dataplane.testing.Boards;
import dev.weft.dataplane.testing.Frames;
import dev.weft.dataplane.testing.InteropLab;
import dev.weft.dataplane.underlay.Encapsulation;
import dev.weft.engine.event.DropReason;
import dev.weft.engine.packet.EtherType;
import dev.weft.engine.packet.GreHeader;
import dev.weft.engine.packet.TcpHeader;
import dev.weft.engine.packet.VxlanHeader;
import dev.weft.model.InterfaceRef;
import dev.weft.model.NetworkModel;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Mac;
import dev.weft.model.value.Vni;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;

/**
 * 100,000 random and damaged datagrams through the decap path of a host with a VXLAN and a GRE-in-UDP
 * overlay: tunnel demux, decap handlers, bridges, veths, the host's stack and the pods' ports. Nothing
 * may throw and no buffer may leak (leak detection is paranoid and a leak fails the property); the
 * counters must show that malformed input was dropped and that intact input still got through.
 */
class DecapFuzzProperties {
  static final String TOPOLOGY = """
      name: fuzz
      underlay: {mtu: 1500, subnet: 192.168.90.0/24}
      hosts:
        - name: h1
          underlay: 192.168.90.1/24
          bridges:
            - {name: br0, gateway: 10.90.0.1/24, mtu: 1450}
            - {name: br1, gateway: 10.91.0.1/24, mtu: 1450}
          pods:
            - {name: p, count: 2, bridge: br0, mode: overlay}
            - {name: q, count: 1, bridge: br1, mode: overlay}
        - name: h2
          underlay: 192.168.90.2/24
          bridges:
            - {name: br0, gateway: 10.90.0.254/24, mtu: 1450}
            - {name: br1, gateway: 10.91.0.254/24, mtu: 1450}
          pods:
            - {name: r, count: 1, bridge: br0, mode: overlay}
            - {name: s, count: 1, bridge: br1, mode: overlay}
      overlays:
        - {name: blue, type: vxlan, vni: 42, port: 4789, learning: true, members: [{host: h1, bridge: br0}, {host: h2, bridge: br0}]}
        - {name: red, type: gre, key: 7, members: [{host: h1, bridge: br1}, {host: h2, bridge: br1}]}
      """;
  private static final NetworkModel MODEL = InteropLab.load(TOPOLOGY);
  private static final IpAddress PEER = IpAddress.parse("192.168.90.2");
  private static final InetSocketAddress PEER_VXLAN = new InetSocketAddress(PEER.toInetAddress(), 40000);
  private static final InetSocketAddress STRANGER = new InetSocketAddress(IpAddress.parse("192.168.90.9").toInetAddress(), 4754);

  private Boards boards;
  private int cases;

  private Boards boards() {
    if (boards == null) {
      boards = new Boards(MODEL, "h1", false);
    }
    return boards;
  }

  /** One input: which socket, the intact datagram it is made from (or pure noise), and how it is damaged. */
  record Case(boolean gre, int template, int keep, List<Integer> flips, byte[] noise, boolean stranger) {}

  @Property(tries = 100_000, shrinking = net.jqwik.api.ShrinkingMode.OFF)
  void damagedDatagramsNeverThrowNorLeak(@ForAll("cases") Case c) {
    Boards b = boards();
    SocketPlan socket = b.plan.sockets().stream()
        .filter(s -> s.encapsulation() == (c.gre() ? Encapsulation.GRE_IN_UDP : Encapsulation.VXLAN)).findFirst().orElseThrow();
    ByteBuf content = c.template() < 0 ? ByteBufAllocator.DEFAULT.buffer().writeBytes(c.noise()) : template(c);
    InetSocketAddress sender = c.gre() ? (c.stranger() ? STRANGER : new InetSocketAddress(PEER.toInetAddress(), 4754)) : PEER_VXLAN;
    InetSocketAddress local = new InetSocketAddress(socket.local().toInetAddress(), socket.port());
    b.board.fromUnderlay(socket, new DatagramPacket(content, local, sender));
    if (++cases % 5000 == 0) {
      b.board.neighborTimeout();
    }
    b.board.endOfBatch();
  }

  /** A datagram built from an intact one, cut to {@code keep} bytes and with bits flipped. */
  private static ByteBuf template(Case c) {
    ByteBuf whole = intact(c.gre(), c.template());
    int keep = Math.min(c.keep(), whole.readableBytes());
    whole.writerIndex(whole.readerIndex() + keep);
    for (int f : c.flips()) {
      if (keep > 0) {
        int at = f % (keep * 8);
        whole.setByte(at / 8, whole.getByte(at / 8) ^ (1 << (at % 8)));
      }
    }
    return whole;
  }

  private static ByteBuf intact(boolean gre, int template) {
    Mac pod = MODEL.iface(InterfaceRef.of(gre ? "q-1" : "p-1", "eth0")).orElseThrow().mac();
    IpAddress podAddress = MODEL.iface(InterfaceRef.of(gre ? "q-1" : "p-1", "eth0")).orElseThrow().addresses().getFirst().address();
    Mac remote = new Mac(0x02_0000_0000_99L);
    IpAddress from = IpAddress.parse(gre ? "10.91.0.99" : "10.90.0.99");
    IpAddress gateway = IpAddress.parse(gre ? "10.91.0.1" : "10.90.0.1");
    ByteBuf inner = switch (template % 4) {
      case 0 -> Frames.tcp(pod, remote, from, podAddress, 1000, TcpHeader.ACK, new byte[100]);
      case 1 -> Frames.udp(Mac.BROADCAST, remote, from, podAddress, 53, new byte[40]);
      case 2 -> Frames.tcp(MODEL.iface(InterfaceRef.of("h1", gre ? "br1" : "br0")).orElseThrow().mac(), remote, from,
          gateway, 7, TcpHeader.SYN, new byte[0]);
      default -> Frames.tcp(pod, remote, from, podAddress, 5, TcpHeader.ACK, new byte[3000]); // needs segmenting
    };
    ByteBuf out = ByteBufAllocator.DEFAULT.buffer(16 + inner.readableBytes());
    if (gre) {
      new GreHeader(EtherType.TRANSPARENT_ETHERNET, false, Optional.of(7L), Optional.empty()).encode(out);
    } else {
      new VxlanHeader(new Vni(42)).encode(out);
    }
    out.writeBytes(inner);
    inner.release();
    return out;
  }

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<Integer> template = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(1, Arbitraries.just(-1)), net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(0, 3)));
    return Combinators.combine(Arbitraries.of(true, false), template, Arbitraries.integers().between(0, 3200),
        Arbitraries.integers().between(0, 1 << 20).list().ofMaxSize(3), Arbitraries.bytes().array(byte[].class).ofMaxSize(120),
        Arbitraries.of(true, false)).as(Case::new);
  }

  @AfterProperty
  void nothingThrewAndTheCountsAddUp() {
    if (boards == null) {
      return;
    }
    try {
      assertThat(boards.errors).as("handler failures").isEmpty();
      long malformed = boards.sockets.values().stream().mapToLong(s -> s.counters().drops(DropReason.MALFORMED)).sum();
      long unknown = boards.sockets.values().stream().mapToLong(s -> s.counters().drops(DropReason.UNKNOWN_TUNNEL)).sum();
      long delivered = boards.taps.values().stream().mapToLong(t -> t.count).sum();
      assertThat(malformed).as("malformed drops").isPositive();
      assertThat(unknown).as("unknown tunnel drops").isPositive();
      assertThat(delivered).as("frames that still reached a pod").isPositive();
    } finally {
      boards.close();
      boards = null;
    }
  }
}
