package dev.weft.dataplane.provision;

import dev.weft.dataplane.plan.HostPlan;
import dev.weft.dataplane.plan.NamespaceMapping;
import dev.weft.linux.LinuxDriver;
import dev.weft.linux.Rtnetlink;
import dev.weft.model.InterfaceRef;
import dev.weft.sim.fabric.DeviceSpec;

/**
 * Takes a host away from the kernel's forwarding so the dataplane can run it: when the kernel already runs
 * the host (a lab deployed by {@code weft deploy}), its bridges, VXLAN and GRE devices, and the pods'
 * interfaces that become TAPs are deleted first, or both would answer for the same addresses. The host's
 * underlay links stay the kernel's.
 */
public final class KernelDevices {
  private final LinuxDriver driver;

  public KernelDevices(LinuxDriver driver) {
    this.driver = driver;
  }

  /** Deletes what {@code plan} replaces, in the namespaces {@code mapping} names; absent devices are fine. */
  public void release(HostPlan plan, NamespaceMapping mapping) {
    try (Rtnetlink rt = driver.rtnetlink(mapping.hostNamespace())) {
      for (DeviceSpec d : plan.devices()) {
        switch (d) {
          case DeviceSpec.Bridge b -> rt.links().deleteIfExists(b.bridge().name());
          case DeviceSpec.Vxlan x -> rt.links().deleteIfExists(x.config().device().name());
          case DeviceSpec.Gre g -> rt.links().deleteIfExists(g.config().device().name());
          default -> { }
        }
      }
    }
    for (InterfaceRef tap : plan.tapPorts()) {
      try (Rtnetlink rt = driver.rtnetlink(mapping.pod(tap.namespace()))) {
        rt.links().deleteIfExists(tap.name());
      }
    }
  }
}
