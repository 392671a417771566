package dev.weft.dataplane.provision;

import dev.weft.dataplane.plan.PodPlan;
import dev.weft.dataplane.tap.TapDevice;
import dev.weft.linux.netns.NetnsRef;
import dev.weft.model.Interface;
import java.util.List;

/**
 * A pod the dataplane set up: its namespace, its open TAPs (in the plan's interface order), and whether
 * the dataplane created the namespace (and so removes it when it stops).
 */
public record ProvisionedPod(PodPlan plan, NetnsRef namespace, List<Tap> taps, boolean createdNamespace) {
  public ProvisionedPod {
    taps = List.copyOf(taps);
  }

  /** One open TAP and the model interface it plays. */
  public record Tap(Interface iface, TapDevice device) {}
}
