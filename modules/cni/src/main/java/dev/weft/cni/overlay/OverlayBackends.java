package dev.weft.cni.overlay;

import dev.weft.linux.LinuxDriver;

/** Picks the backend for an overlay config: the seam where the userspace dataplane plugs in. */
public final class OverlayBackends {
  private OverlayBackends() {}

  public static OverlayBackend select(LinuxDriver driver, OverlayOptions options) {
    return switch (options.dataplane()) {
      case KERNEL -> switch (options.backend()) {
        case VXLAN -> new KernelVxlanBackend(driver, options);
        case GRE -> new KernelGreBackend(driver);
      };
      case WEFT -> new UnavailableBackend("overlay.dataplane weft: the weft userspace dataplane is not"
          + " running on this node (it is not part of this plugin build yet)");
    };
  }
}
