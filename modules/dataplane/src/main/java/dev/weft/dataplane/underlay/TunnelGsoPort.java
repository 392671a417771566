package dev.weft.dataplane.underlay;

import dev.weft.dataplane.forward.TunnelBatchPort;
import dev.weft.dataplane.offload.TunnelGsoHeader;
import dev.weft.dataplane.stats.PortCounters;
import dev.weft.dataplane.tap.TapDevice;
import dev.weft.dataplane.tap.TapSpec;
import dev.weft.linux.LinuxDriver;
import dev.weft.linux.Rtnetlink;
import dev.weft.linux.error.DriverException;
import dev.weft.linux.link.Link;
import dev.weft.linux.netns.NetnsRef;
import dev.weft.linux.sysctl.SysctlKey;
import dev.weft.linux.sysctl.Sysctls;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Mac;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.epoll.Epoll;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Tunnel segmentation offload: VXLAN packets that each carry a whole TCP segmentation batch go into the
 * host's own IP stack through a TAP in the host's namespace (virtio-net GSO over UDP tunnels, Linux 6.17
 * on), and the kernel forwards them to the remote VTEP as one GSO packet, the way its own VXLAN devices
 * send. A veth underlay carries such a packet whole and the receiving kernel queues it whole on the VTEP's
 * socket; a NIC without the offload gets it cut into ordinary VXLAN datagrams. Either way the batch is not
 * cut, checksummed and laid out again here, and the receiver gets one read instead of one per segment.
 *
 * <p>The packets enter the stack as if received on the TAP, with the host's own address as their
 * source, so the TAP's IPv4 settings must let them through: {@code accept_local} and {@code forwarding}
 * on (on this device only), and no reverse-path filter, which the kernel takes as the larger of the
 * device's and {@code conf.all}'s. With {@code conf.all.rp_filter} set the offload is left off (see
 * {@link Unavailable}). The TAP is the dataplane's own, removed by the kernel when its descriptor closes,
 * and IPv6 is off on it, so the kernel sends nothing to it that would need reading.
 */
public final class TunnelGsoPort implements TunnelBatchPort, AutoCloseable {
  /** A locally administered source MAC for the outer frames: the TAP's peer is the kernel itself. */
  private static final Mac SOURCE_MAC = Mac.derivedFrom("weft tunnel segmentation");

  private final TapDevice device;
  private final Mac deviceMac;
  private final PortCounters counters;
  private final ByteBufAllocator alloc;
  private final Consumer<Throwable> errors;
  private final ByteBuf header;
  private int ipId = ThreadLocalRandom.current().nextInt(0x10000);

  /** Why the offload cannot run on this host; the dataplane then cuts batches itself. */
  public static final class Unavailable extends Exception {
    public Unavailable(String reason, Throwable cause) {
      super(reason, cause);
    }
  }

  private TunnelGsoPort(TapDevice device, Mac deviceMac, ByteBufAllocator alloc, Consumer<Throwable> errors) {
    this.device = device;
    this.deviceMac = deviceMac;
    this.counters = new PortCounters("tunnel-gso/" + device.spec().name(), "underlay");
    this.alloc = alloc;
    this.errors = errors;
    this.header = alloc.directBuffer(TunnelGsoHeader.LENGTH, TunnelGsoHeader.LENGTH);
  }

  /** Makes the TAP in {@code ns} (the host's namespace) and sets it up; nothing is left behind when it fails. */
  public static TunnelGsoPort open(LinuxDriver driver, NetnsRef ns, ByteBufAllocator alloc, Consumer<Throwable> errors)
      throws Unavailable {
    if (!Epoll.isAvailable()) { // loads Netty's native library, which the vectored write needs
      throw new Unavailable("Netty's native epoll transport is not available", Epoll.unavailabilityCause());
    }
    // only this device's keys are written, so the home namespace (a real node) is allowed
    Sysctls sysctls = driver.sysctls().allowingHome();
    String rpFilter = sysctls.readIfPresent(ns, SysctlKey.parse("net.ipv4.conf.all.rp_filter")).orElse("0");
    if (!rpFilter.equals("0")) {
      throw new Unavailable("net.ipv4.conf.all.rp_filter is " + rpFilter + " in " + ns.describe()
          + ", so the kernel would drop packets forwarded with the host's own source address", null);
    }
    InterfaceName name = InterfaceName.of("wgso" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt(1 << 24), 6));
    TapDevice device;
    try {
      device = TapDevice.openForTunnelSegmentation(driver.threads(), new TapSpec(ns, name, true));
    } catch (DriverException e) {
      throw new Unavailable("cannot open a TAP that takes GSO over UDP tunnels (Linux 6.17 on): " + e.getMessage(), e);
    }
    try {
      String conf = "net.ipv4.conf." + name.value() + ".";
      sysctls.write(ns, SysctlKey.parse(conf + "accept_local"), "1");
      sysctls.write(ns, SysctlKey.parse(conf + "forwarding"), "1");
      sysctls.write(ns, SysctlKey.parse(conf + "rp_filter"), "0");
      SysctlKey ipv6 = SysctlKey.parse("net.ipv6.conf." + name.value() + ".disable_ipv6");
      if (sysctls.readIfPresent(ns, ipv6).isPresent()) {
        sysctls.write(ns, ipv6, "1");
      }
      Mac mac;
      try (Rtnetlink rt = driver.rtnetlink(ns)) {
        rt.links().setUp(name);
        mac = rt.links().get(name).flatMap(Link::mac)
            .orElseThrow(() -> new IllegalStateException("tap " + name + " has no MAC address"));
      }
      return new TunnelGsoPort(device, mac, alloc, errors);
    } catch (RuntimeException e) {
      device.close();
      throw e;
    }
  }

  public TapDevice device() {
    return device;
  }

  @Override
  public PortCounters counters() {
    return counters;
  }

  @Override
  public boolean send(ByteBuf payload, TunnelGsoHeader.Inner inner, int gsoSize, IpAddress local, int localPort,
      InetSocketAddress to) {
    if (!local.isIpv4() || !(to.getAddress() instanceof Inet4Address remote)
        || payload.readableBytes() > TunnelGsoHeader.MAX_PAYLOAD) {
      return false;
    }
    try {
      int segments = (payload.readableBytes() - inner.transport() - inner.tcpHeader() + gsoSize - 1) / gsoSize;
      header.clear();
      TunnelGsoHeader.write(header, new TunnelGsoHeader.Outer(deviceMac, SOURCE_MAC, local, IpAddress.fromBytes(remote.getAddress()),
          localPort, to.getPort()), inner, payload.readableBytes(), gsoSize, ipId++);
      if (device.write(header, payload, alloc) <= 0) {
        counters.error();
      } else {
        counters.sent(segments, payload.readableBytes());
      }
    } catch (IOException e) {
      counters.error();
      errors.accept(e);
    } finally {
      payload.release();
    }
    return true;
  }

  @Override
  public void close() {
    header.release();
    device.close();
  }
}
