package dev.weft.dataplane.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.dataplane.offload.Transport;
import dev.weft.dataplane.offload.TunnelGsoHeader;
import dev.weft.dataplane.testing.Frames;
import dev.weft.dataplane.underlay.TunnelGsoPort;
import dev.weft.engine.packet.TcpHeader;
import dev.weft.engine.packet.VxlanHeader;
import dev.weft.linux.netns.NetnsRef;
import dev.weft.linux.sysctl.SysctlKey;
import dev.weft.linux.testing.Lab;
import dev.weft.linux.testing.Shell;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Mac;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import java.net.DatagramPacket;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The tunnel segmentation port on a real kernel, between two namespaces joined by a veth: a VXLAN batch
 * written to it is forwarded by the sending namespace's kernel and reaches a UDP socket in the other one
 * as one datagram, byte for byte; the TAP's own IPv4 settings are what the port needs, and nothing of it
 * is left after close. Where {@code conf.all.rp_filter} is set, or the kernel predates GSO over UDP
 * tunnels on TAPs (6.17), the port is refused with the reason. (That the kernel cuts such a packet into
 * valid VXLAN datagrams where it must is shown by VxlanInteropIT's capture, whose device cuts in software.)
 */
class TunnelGsoPortIT {
  /** Linux 6.17 brought GSO over UDP tunnels to TAPs. */
  static final boolean KERNEL_HAS_IT = kernelAtLeast(6, 17);

  @RegisterExtension static final Lab LAB = new Lab();

  private static final IpAddress A = IpAddress.parse("10.99.0.1");
  private static final IpAddress B = IpAddress.parse("10.99.0.2");
  private static final int MSS = 1398;

  @Test
  void aBatchReachesTheRemoteSocketWholeAndByteForByte() throws Exception {
    NetnsRef.Named a = LAB.namespace("tga");
    NetnsRef.Named b = LAB.namespace("tgb");
    joined(a, b);
    if (!KERNEL_HAS_IT) {
      assertThatThrownBy(() -> open(a)).isInstanceOf(TunnelGsoPort.Unavailable.class).hasMessageContaining("6.17");
      return;
    }
    DatagramChannel socket = LAB.driver().threads().call(b, () -> {
      try {
        return DatagramChannel.open().bind(new InetSocketAddress(B.toInetAddress(), 4789)); // a socket of b's
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    TunnelGsoPort port = open(a);
    String device = port.device().spec().name().value();
    try (socket) {
      for (String key : List.of("accept_local", "forwarding")) {
        assertThat(LAB.driver().sysctls().read(a, SysctlKey.parse("net.ipv4.conf." + device + "." + key))).as(key).isEqualTo("1");
      }
      assertThat(LAB.driver().sysctls().read(a, SysctlKey.parse("net.ipv4.conf." + device + ".rp_filter"))).isEqualTo("0");

      byte[] data = new byte[30_000];
      new Random(7).nextBytes(data);
      ByteBuf frame = Frames.tcp(Mac.parse("02:00:00:00:00:02"), Mac.parse("02:00:00:00:00:01"), IpAddress.parse("10.244.1.2"),
          IpAddress.parse("10.244.2.2"), 1, TcpHeader.ACK, data);
      Transport t = Transport.of(frame).orElseThrow();
      frame.setShort(frame.readerIndex() + t.checksumOffset(), t.foldedPseudo());
      TunnelGsoHeader.Inner inner = new TunnelGsoHeader.Inner(VxlanHeader.LENGTH + t.ip(), VxlanHeader.LENGTH + t.offset(),
          t.tcpHeaderLength(frame));
      ByteBuf datagram = Frames.vxlan(5, frame);
      ByteBuf payload = PooledByteBufAllocator.DEFAULT.directBuffer().writeBytes(datagram);
      datagram.release();
      byte[] sent = ByteBufUtil.getBytes(payload);
      assertThat(port.send(payload, inner, MSS, A, 4789, new InetSocketAddress(B.toInetAddress(), 4789))).isTrue();
      assertThat(payload.refCnt()).as("the port took the payload").isZero();

      DatagramPacket got = new DatagramPacket(new byte[65_536], 65_536);
      socket.socket().setSoTimeout(5_000);
      socket.socket().receive(got);
      assertThat(got.getSocketAddress()).isEqualTo(new InetSocketAddress(A.toInetAddress(), 4789));
      assertThat(java.util.Arrays.copyOf(got.getData(), got.getLength())).as("one datagram, the whole batch").isEqualTo(sent);
      assertThat(port.counters().snapshot().txPackets()).as("counted as the segments it stands for").isEqualTo((30_000 + MSS - 1) / MSS);
    } finally {
      port.close();
    }
    assertThat(Shell.linkNames(a.name().value())).as("the TAP goes with its descriptor").doesNotContain(device);
  }

  @Test
  void whatItCannotCarryIsLeftToTheCaller() throws Exception {
    NetnsRef.Named a = LAB.namespace("tgc");
    if (!KERNEL_HAS_IT) {
      return; // refused at open, as the test above checks
    }
    TunnelGsoPort port = open(a);
    ByteBuf payload = PooledByteBufAllocator.DEFAULT.directBuffer().writeZero(TunnelGsoHeader.MAX_PAYLOAD + 1);
    TunnelGsoHeader.Inner inner = new TunnelGsoHeader.Inner(22, 42, 20);
    try {
      assertThat(port.send(payload, inner, MSS, A, 4789, new InetSocketAddress(B.toInetAddress(), 4789))).as("too long").isFalse();
      assertThat(port.send(payload.slice(0, 2000), inner, MSS, IpAddress.parse("fd00::1"), 4789,
          new InetSocketAddress(IpAddress.parse("fd00::2").toInetAddress(), 4789))).as("IPv6").isFalse();
      assertThat(payload.refCnt()).as("untouched").isOne();
    } finally {
      payload.release();
      port.close();
    }
  }

  @Test
  void reversePathFilteringKeepsItOffAndLeavesNothing() throws Exception {
    NetnsRef.Named a = LAB.namespace("tgd");
    LAB.driver().sysctls().write(a, SysctlKey.parse("net.ipv4.conf.all.rp_filter"), "1");
    List<String> before = new ArrayList<>(Shell.linkNames(a.name().value()));
    assertThatThrownBy(() -> open(a)).isInstanceOf(TunnelGsoPort.Unavailable.class).hasMessageContaining("rp_filter is 1");
    assertThat(Shell.linkNames(a.name().value())).isEqualTo(before);
  }

  private static TunnelGsoPort open(NetnsRef.Named ns) throws TunnelGsoPort.Unavailable {
    return TunnelGsoPort.open(LAB.driver(), ns, PooledByteBufAllocator.DEFAULT, e -> {
      throw new AssertionError(e);
    });
  }

  private static void joined(NetnsRef.Named a, NetnsRef.Named b) {
    String va = Lab.ifname("tg").value();
    String vb = Lab.ifname("tg").value();
    Shell.ok("ip", "link", "add", va, "netns", a.name().value(), "type", "veth", "peer", "name", vb, "netns", b.name().value());
    Shell.ok("ip", "-n", a.name().value(), "addr", "add", A + "/24", "dev", va);
    Shell.ok("ip", "-n", b.name().value(), "addr", "add", B + "/24", "dev", vb);
    Shell.ok("ip", "-n", a.name().value(), "link", "set", va, "up");
    Shell.ok("ip", "-n", b.name().value(), "link", "set", vb, "up");
  }

  private static boolean kernelAtLeast(int major, int minor) {
    String[] v = System.getProperty("os.version").split("[.-]");
    int maj = Integer.parseInt(v[0]);
    int min = Integer.parseInt(v[1]);
    return maj > major || maj == major && min >= minor;
  }
}
