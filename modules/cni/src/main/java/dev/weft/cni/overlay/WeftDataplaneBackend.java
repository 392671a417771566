package dev.weft.cni.overlay;

import dev.weft.cni.plugin.WeftCodes;
import dev.weft.cni.protocol.CniException;
import dev.weft.cni.protocol.ErrorCode;
import dev.weft.dataplane.underlay.Encapsulation;
import dev.weft.dataplane.vtep.Vtep;
import dev.weft.linux.LinuxDriver;
import dev.weft.linux.Rtnetlink;
import dev.weft.linux.error.DriverException;
import dev.weft.linux.netns.NetnsRef;
import dev.weft.model.value.Cidr;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.Mtu;
import java.util.List;

/**
 * {@code "dataplane": "weft"}: the node's overlay runs in weft's userspace VTEP inside weft-cnid. The
 * kernel keeps the bridge and the pods; remote subnets are routed into a TAP ({@code weftu.<vni>} for
 * VXLAN, {@code weftg.<vni>} for GRE-in-UDP) with the same neighbour and route entries a kernel VXLAN
 * device gets, and the VTEP carries the frames over UDP. VXLAN frames are the kernel's format, so nodes
 * on either dataplane talk to each other; GRE-in-UDP (RFC 8086, the VNI as the key) works where the
 * kernel has no GRE. MTU: underlay − 50 for VXLAN, underlay − 36 for GRE-in-UDP (outer IPv4, UDP, GRE
 * with key; no inner Ethernet).
 */
public final class WeftDataplaneBackend implements OverlayBackend {
  /** Outer IPv4 (20), UDP (8), GRE with key (8); GRE carries no inner Ethernet header. */
  static final int GRE_IN_UDP_OVERHEAD = 36;

  private final LinuxDriver driver;
  private final OverlayOptions options;
  private final UserspaceVteps vteps;

  public WeftDataplaneBackend(LinuxDriver driver, OverlayOptions options, UserspaceVteps vteps) {
    this.driver = driver;
    this.options = options;
    this.vteps = vteps;
  }

  public InterfaceName device() {
    return deviceFor(options);
  }

  /** {@code weftu.<vni>} for VXLAN, {@code weftg.<vni>} for GRE-in-UDP. */
  public static InterfaceName deviceFor(OverlayOptions options) {
    return InterfaceName.of((options.backend() == OverlayOptions.Backend.GRE ? "weftg." : "weftu.") + options.vni().value());
  }

  private boolean gre() {
    return options.backend() == OverlayOptions.Backend.GRE;
  }

  @Override
  public Mtu reconcile(Cidr nodeSubnet, List<Peer> peers) throws CniException {
    try (Rtnetlink host = driver.rtnetlink(NetnsRef.home())) {
      Underlay underlay = Underlay.resolve(host, options);
      Mtu mtu = Mtu.of(underlay.link().mtu()).minus(gre() ? GRE_IN_UDP_OVERHEAD : KernelVxlanBackend.OVERHEAD);
      Vtep.Spec spec = new Vtep.Spec(NetnsRef.home(), device(), Peer.defaultVtepMac(underlay.address()), mtu,
          gre() ? Encapsulation.GRE_IN_UDP : Encapsulation.VXLAN, underlay.address(), options.port(), options.vni());
      Vtep vtep = vteps.ensure(driver, spec);
      List<Peer> remote = PeerRoutes.remote(peers, underlay.address(), nodeSubnet);
      vtep.peers(remote.stream().map(p -> new Vtep.Peer(p.vtepMac(), p.address())).toList());
      PeerRoutes.apply(host, device(), nodeSubnet, remote);
      return mtu;
    } catch (DriverException e) {
      throw new CniException(WeftCodes.KERNEL_REFUSED, "overlay (weft dataplane): " + e.getMessage());
    } catch (IllegalStateException e) {
      throw new CniException(ErrorCode.Standard.PLUGIN_NOT_AVAILABLE, "overlay (weft dataplane): " + e.getMessage());
    }
  }

  @Override
  public void status() throws CniException {
    Underlay.check(driver, options);
  }
}
