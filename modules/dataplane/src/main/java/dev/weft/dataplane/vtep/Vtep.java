package dev.weft.dataplane.vtep;

import dev.weft.dataplane.ErrorLog;
import dev.weft.dataplane.stats.PortCounters;
import dev.weft.dataplane.tap.PlainTapCodec;
import dev.weft.dataplane.tap.TapDevice;
import dev.weft.dataplane.tap.TapInput;
import dev.weft.dataplane.tap.TapPort;
import dev.weft.dataplane.tap.TapSpec;
import dev.weft.dataplane.underlay.Encapsulation;
import dev.weft.dataplane.underlay.UdpSockets;
import dev.weft.dataplane.underlay.UnderlayInput;
import dev.weft.dataplane.underlay.UnderlayPort;
import dev.weft.engine.event.DropReason;
import dev.weft.engine.packet.EthernetHeader;
import dev.weft.linux.LinuxDriver;
import dev.weft.linux.Rtnetlink;
import dev.weft.linux.netns.NetnsRef;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Mac;
import dev.weft.model.value.Mtu;
import dev.weft.model.value.Vni;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.IoEventLoop;
import io.netty.channel.IoRegistration;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;

/**
 * A userspace VTEP for a host whose own stack stays the kernel's: one TAP in the host's namespace and
 * one UDP socket on its underlay address. The kernel routes remote pod subnets into the TAP towards a
 * permanent neighbour whose MAC is the remote VTEP's (flannel's layout, set up by the caller); each frame
 * goes to the peer owning its destination MAC, as VXLAN (RFC 7348) or as GRE-in-UDP (RFC 8086: the
 * Ethernet header is dropped, the key carries the VNI). Datagrams from the underlay come out of the TAP,
 * VXLAN ones addressed to the TAP's MAC (or multicast), GRE ones from a known peer with an Ethernet
 * header made from that peer's MAC. Malformed, foreign or unroutable packets are counted and dropped.
 *
 * <p>Everything runs on one epoll event loop (Netty 4.2), with the dataplane's TAP and underlay ports.
 * The peer table is replaced whole ({@link #peers}) and read without locks.
 */
public final class Vtep implements AutoCloseable {
  /** What to run: the device, its MAC and MTU, the encapsulation, and the local underlay endpoint. */
  public record Spec(NetnsRef namespace, InterfaceName device, Mac mac, Mtu mtu, Encapsulation encapsulation,
      IpAddress local, int port, Vni vni) {}

  /** A remote VTEP: the MAC the kernel addresses it by, and its underlay address. */
  public record Peer(Mac mac, IpAddress address) {}

  private record Table(Map<Mac, InetSocketAddress> byMac, Map<InetAddress, Mac> byAddress) {}

  private final Spec spec;
  private final MultiThreadIoEventLoopGroup group;
  private final IoEventLoop loop;
  private final ByteBufAllocator alloc = ByteBufAllocator.DEFAULT;
  private final VtepCodec codec;
  private final PortCounters tapCounters;
  private final ErrorLog errors = new ErrorLog();
  private volatile Table table = new Table(Map.of(), Map.of());
  private TapDevice tap;
  private TapPort tapPort;
  private IoRegistration tapRegistration;
  private UnderlayPort underlay;

  private Vtep(Spec spec) {
    this.spec = spec;
    ThreadFactory threads = r -> Thread.ofPlatform().daemon().name("weft-vtep-" + spec.device()).unstarted(r);
    this.group = new MultiThreadIoEventLoopGroup(1, threads, EpollIoHandler.newFactory());
    this.loop = group.next();
    this.tapCounters = new PortCounters("tap/" + spec.device(), "tap");
    this.codec = new VtepCodec(spec, alloc);
  }

  /** Opens the TAP (MAC, MTU, up) and the socket, and starts forwarding; all or nothing. */
  public static Vtep start(LinuxDriver driver, Spec spec) {
    if (!Epoll.isAvailable()) {
      throw new IllegalStateException("the native epoll transport is not available: " + Epoll.unavailabilityCause());
    }
    Vtep v = new Vtep(spec);
    try {
      v.open(driver);
      return v;
    } catch (RuntimeException e) {
      v.close();
      throw e;
    }
  }

  private void open(LinuxDriver driver) {
    tap = TapDevice.open(driver.threads(), new TapSpec(spec.namespace(), spec.device(), false));
    try (Rtnetlink rt = driver.rtnetlink(spec.namespace())) {
      rt.links().setMac(spec.device(), spec.mac());
      rt.links().setMtu(spec.device(), spec.mtu());
      rt.links().setUp(spec.device());
    }
    tapPort = new TapPort(tap, tapCounters, new FromTap(), alloc, new PlainTapCodec(spec.mtu().value()), errors::accept);
    tapRegistration = loop.register(tapPort).syncUninterruptibly().getNow();
    int fd = UdpSockets.open(driver.threads(), spec.namespace(), spec.local(), spec.port(), false);
    underlay = UnderlayPort.wrap(fd, spec.encapsulation(), spec.local(), spec.port(), new FromUnderlay(), errors);
    loop.register(underlay.channel()).syncUninterruptibly();
    loop.submit(() -> TapPort.watch(tapRegistration)).syncUninterruptibly();
  }

  public Spec spec() {
    return spec;
  }

  /** Replaces the peer table with {@code peers}, the remote VTEPs. */
  public void peers(Collection<Peer> peers) {
    Map<Mac, InetSocketAddress> byMac = new HashMap<>();
    Map<InetAddress, Mac> byAddress = new HashMap<>();
    for (Peer p : peers) {
      InetAddress a = p.address().toInetAddress();
      byMac.put(p.mac(), new InetSocketAddress(a, spec.port()));
      byAddress.put(a, p.mac());
    }
    table = new Table(Map.copyOf(byMac), Map.copyOf(byAddress));
  }

  @Override
  public void close() {
    if (tapRegistration != null) {
      tapRegistration.cancel();
    }
    if (underlay != null) {
      underlay.close();
    }
    group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    if (tapPort != null) {
      tapPort.close();
    } else if (tap != null) {
      tap.close();
    }
  }

  /** TAP to underlay: find the peer by destination MAC, encapsulate, queue; flushed per batch. */
  private final class FromTap implements TapInput {
    @Override
    public void frame(TapPort port, ByteBuf frame, int gsoSize) { // a plain TAP reads no batches
      try {
        if (frame.readableBytes() < EthernetHeader.LENGTH) {
          tapCounters.dropped(DropReason.MALFORMED);
          return;
        }
        InetSocketAddress peer = table.byMac().get(EthernetHeader.destinationAt(frame, frame.readerIndex()));
        Optional<ByteBuf> out = peer == null ? Optional.empty() : codec.encapsulate(frame);
        if (out.isEmpty()) {
          tapCounters.dropped(DropReason.NO_ROUTE); // no such peer (IPv6 ND, MLD), or not IP for GRE
          return;
        }
        underlay.send(new DatagramPacket(out.get(), peer));
      } finally {
        frame.release();
      }
    }

    @Override
    public void endOfBatch() {
      underlay.flush();
    }
  }

  /** Underlay to TAP: check the header, recover the frame, write it. */
  private final class FromUnderlay implements UnderlayInput {
    @Override
    public void datagram(UnderlayPort port, DatagramPacket datagram) {
      try {
        Optional<Mac> sender = Optional.ofNullable(table.byAddress().get(datagram.sender().getAddress()));
        switch (codec.decapsulate(datagram.content(), sender)) {
          case VtepCodec.Decoded.Frame f -> tapPort.write(f.frame(), 0);
          case VtepCodec.Decoded.Dropped d -> port.counters().dropped(d.reason());
        }
      } finally {
        datagram.release();
      }
    }

    @Override
    public void endOfBatch() {
      // TAP writes are not batched
    }
  }
}
