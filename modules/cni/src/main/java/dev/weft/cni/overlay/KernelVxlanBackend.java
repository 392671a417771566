package dev.weft.cni.overlay;

import dev.weft.cni.plugin.WeftCodes;
import dev.weft.cni.protocol.CniException;
import dev.weft.linux.LinuxDriver;
import dev.weft.linux.Rtnetlink;
import dev.weft.linux.error.AlreadyExistsException;
import dev.weft.linux.error.DriverException;
import dev.weft.linux.link.Link;
import dev.weft.linux.link.LinkData;
import dev.weft.linux.link.LinkOptions;
import dev.weft.linux.link.LinkSpec;
import dev.weft.linux.neigh.FdbEntry;
import dev.weft.linux.neigh.FdbSpec;
import dev.weft.linux.netns.NetnsRef;
import dev.weft.model.value.Cidr;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.Mac;
import dev.weft.model.value.Mtu;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * flannel's VXLAN backend, in process: a device {@code weft.<VNI>} with learning off, the node's UDP
 * port, MTU underlay − 50, the node subnet's {@code .0/32}, and a MAC derived from the node address
 * ({@link Peer#defaultVtepMac}). For each remote node, in flannel's order: a permanent neighbour entry
 * (subnet {@code .0} → VTEP MAC), an FDB entry (VTEP MAC → node address) and an onlink route (subnet
 * via {@code .0}). Stale entries (nodes no longer in the peers file) are removed. All writes are
 * replaces, so concurrent reconciles converge.
 */
public final class KernelVxlanBackend implements OverlayBackend {
  /** IPv4 (20) + UDP (8) + VXLAN (8) + inner Ethernet (14). */
  static final int OVERHEAD = 50;

  private final LinuxDriver driver;
  private final OverlayOptions options;

  public KernelVxlanBackend(LinuxDriver driver, OverlayOptions options) {
    this.driver = driver;
    this.options = options;
  }

  public InterfaceName device() {
    return InterfaceName.of("weft." + options.vni().value());
  }

  @Override
  public Mtu reconcile(Cidr nodeSubnet, List<Peer> peers) throws CniException {
    try (Rtnetlink host = driver.rtnetlink(NetnsRef.home())) {
      Underlay underlay = Underlay.resolve(host, options);
      Mtu mtu = Mtu.of(underlay.link().mtu()).minus(OVERHEAD);
      ensureDevice(host, underlay, mtu);
      List<Peer> remote = PeerRoutes.remote(peers, underlay.address(), nodeSubnet);
      for (Peer p : remote) {
        host.fdb().replace(FdbSpec.vxlan(device(), p.vtepMac(), p.address()));
      }
      PeerRoutes.apply(host, device(), nodeSubnet, remote);
      removeStaleFdb(host, remote);
      return mtu;
    } catch (DriverException e) {
      throw new CniException(WeftCodes.KERNEL_REFUSED, "overlay: " + e.getMessage());
    }
  }

  private void ensureDevice(Rtnetlink host, Underlay underlay, Mtu mtu) {
    Mac mac = Peer.defaultVtepMac(underlay.address());
    LinkSpec.Vxlan spec = LinkSpec.Vxlan.of(device(), options.vni()).withLocal(underlay.address())
        .withPort(options.port()).withLearning(false).withUnderlay(underlay.link().name())
        .withOptions(LinkOptions.DEFAULTS.withMtu(mtu).withMac(mac).withUp(true));
    java.util.Optional<Link> existing = host.links().get(device());
    if (existing.isPresent() && !matches(existing.get(), underlay, mac)) {
      host.links().deleteIfExists(device());
      existing = java.util.Optional.empty();
    }
    if (existing.isEmpty()) {
      try {
        host.links().create(spec);
      } catch (AlreadyExistsException raced) {
        // a parallel reconcile created it with the same spec
      }
    } else if (existing.get().mtu() != mtu.value()) {
      host.links().setMtu(device(), mtu);
    }
  }

  private boolean matches(Link link, Underlay underlay, Mac mac) {
    return link.data() instanceof LinkData.VxlanData v && v.vni().equals(options.vni()) && v.port() == options.port()
        && !v.learning() && v.local().filter(underlay.address()::equals).isPresent()
        && link.mac().filter(mac::equals).isPresent();
  }

  private void removeStaleFdb(Rtnetlink host, List<Peer> remote) {
    Set<Mac> macs = remote.stream().map(Peer::vtepMac).collect(Collectors.toSet());
    for (FdbEntry f : host.fdb().list(device())) {
      if (f.destination().isPresent() && !macs.contains(f.mac())) {
        host.fdb().deleteIfExists(FdbSpec.vxlan(device(), f.mac(), f.destination().get()));
      }
    }
  }

  @Override
  public void status() throws CniException {
    Underlay.check(driver, options);
  }
}
