package dev.weft.cni.overlay;

import dev.weft.linux.LinuxDriver;
import java.util.Optional;

/** Picks the backend for an overlay config: kernel devices, or weft's userspace VTEP in the node daemon. */
public final class OverlayBackends {
  private OverlayBackends() {}

  /** {@code vteps} is the node daemon's registry; empty when the plugin runs standalone. */
  public static OverlayBackend select(LinuxDriver driver, OverlayOptions options, Optional<UserspaceVteps> vteps) {
    return switch (options.dataplane()) {
      case KERNEL -> switch (options.backend()) {
        case VXLAN -> new KernelVxlanBackend(driver, options);
        case GRE -> new KernelGreBackend(driver);
      };
      case WEFT -> vteps.<OverlayBackend>map(v -> new WeftDataplaneBackend(driver, options, v))
          .orElseGet(() -> new UnavailableBackend("overlay.dataplane weft runs inside the node daemon weft-cnid,"
              + " which did not serve this request (start weft-cnid, see deploy/daemonset.yaml; a plugin process"
              + " cannot keep a userspace tunnel running after it exits)"));
    };
  }
}
