package dev.weft.cni.overlay;

import dev.weft.cni.protocol.CniException;
import dev.weft.cni.protocol.ErrorCode;
import dev.weft.linux.LinuxDriver;
import dev.weft.linux.Rtnetlink;
import dev.weft.linux.error.DriverException;
import dev.weft.linux.error.UnsupportedLinkKindException;
import dev.weft.linux.link.LinkOptions;
import dev.weft.linux.link.LinkSpec;
import dev.weft.linux.link.TunnelKind;
import dev.weft.linux.netns.NetnsRef;
import dev.weft.model.value.Cidr;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Mtu;
import java.util.List;

/**
 * Kernel GRE as an overlay. Many kernels (this project's CI among them) have no gre module, so the
 * backend first asks the kernel with a throw-away gretap device and answers code 50 with the kernel's
 * reason ("this kernel has no gre support") before anything else is created. GRE overlays are served by
 * the weft userspace dataplane ({@code "dataplane": "weft"}); kernel GRE forwarding itself is not
 * implemented here, which is also code 50 on kernels that do have GRE.
 */
public final class KernelGreBackend implements OverlayBackend {
  private static final InterfaceName PROBE = InterfaceName.of("weftgreprobe");
  private final LinuxDriver driver;

  public KernelGreBackend(LinuxDriver driver) {
    this.driver = driver;
  }

  @Override
  public Mtu reconcile(Cidr nodeSubnet, List<Peer> peers) throws CniException {
    status();
    throw unavailable("overlay.backend gre: kernel GRE forwarding is not implemented by weft; use"
        + " \"dataplane\": \"weft\" (GRE-in-UDP in the userspace dataplane)");
  }

  @Override
  public void status() throws CniException {
    try (Rtnetlink host = driver.rtnetlink(NetnsRef.home())) {
      host.links().create(new LinkSpec.IpTunnel(PROBE, TunnelKind.GRETAP, IpAddress.parse("127.0.0.1"),
          IpAddress.parse("127.0.0.2"), LinkOptions.DEFAULTS));
      host.links().deleteIfExists(PROBE);
    } catch (UnsupportedLinkKindException e) {
      throw unavailable("overlay.backend gre: " + e.getMessage());
    } catch (DriverException e) {
      throw unavailable("overlay.backend gre: cannot probe for kernel GRE: " + e.getMessage());
    }
  }

  private static CniException unavailable(String message) {
    return new CniException(ErrorCode.Standard.PLUGIN_NOT_AVAILABLE, message);
  }
}
