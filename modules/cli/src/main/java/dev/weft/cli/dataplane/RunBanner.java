package dev.weft.cli.dataplane;

import dev.weft.dataplane.plan.HostPlan;
import dev.weft.dataplane.plan.NamespaceMapping;
import dev.weft.dataplane.plan.PodPlan;
import dev.weft.dataplane.plan.SocketPlan;
import dev.weft.linux.netns.NetnsRef;
import dev.weft.model.Interface;
import dev.weft.model.value.Name;
import dev.weft.sim.fabric.DeviceSpec;
import java.util.Comparator;
import java.util.OptionalInt;

/** What {@code weft dataplane run} prints once forwarding: where it runs, its pods, devices, underlay and metrics. */
final class RunBanner {
  private RunBanner() {}

  static String render(Name topology, HostPlan plan, NamespaceMapping mapping, OptionalInt metricsPort) {
    StringBuilder out = new StringBuilder("weft dataplane: host ").append(plan.host()).append(" of topology ")
        .append(topology).append(", in ").append(where(mapping.hostNamespace())).append('\n');
    // the plan's lists follow hash order; sorted, the banner reads the same on every run
    for (PodPlan pod : plan.pods().stream().sorted(Comparator.comparing(p -> p.namespace().value())).toList()) {
      out.append("  pod ").append(pod.namespace()).append(" (").append(mapping.pod(pod.namespace()).describe())
          .append("): tap ").append(String.join(", ", pod.taps().stream().map(RunBanner::tap).toList())).append('\n');
    }
    plan.devices().stream().map(RunBanner::device).filter(d -> !d.isEmpty()).sorted()
        .forEach(d -> out.append("  device ").append(d).append('\n'));
    plan.sockets().stream().sorted(Comparator.comparing(SocketPlan::toString)).forEach(s -> out.append("  underlay ").append(s.encapsulation().label()).append(" on udp ")
        .append(s.local()).append(':').append(s.port()).append('\n'));
    if (metricsPort.isPresent()) {
      int port = metricsPort.getAsInt();
      out.append("  metrics http://127.0.0.1:").append(port).append("/metrics (weft dataplane stats --port ")
          .append(port).append(")\n");
    } else {
      out.append("  metrics off\n");
    }
    out.append("forwarding until SIGINT (Ctrl-C) or SIGTERM\n");
    return out.toString();
  }

  private static String where(NetnsRef host) {
    return host instanceof NetnsRef.Home ? "weft's own network namespace" : host.describe();
  }

  private static String tap(Interface i) {
    return i.ref().name() + " " + i.mac() + " mtu " + i.mtu().value()
        + String.join("", i.addresses().stream().map(a -> " " + a).toList());
  }

  private static String device(DeviceSpec d) {
    return switch (d) {
      case DeviceSpec.Bridge b -> "bridge " + b.bridge().name() + " mtu " + b.mtu().value() + ", " + b.ports().size() + " ports";
      case DeviceSpec.Vxlan x -> "vxlan " + x.config().device().name() + " vni " + x.config().vni().value() + " port "
          + x.config().port() + (x.config().learning() ? ", learning" : "") + ", " + x.config().staticEntries().size()
          + " static fdb entries";
      case DeviceSpec.Gre g -> "gre " + g.config().device().name() + " " + g.config().local() + " -> " + g.config().remote()
          + g.config().key().map(k -> " key " + k).orElse("") + (g.config().ethernet() ? " (gretap)" : "");
      case DeviceSpec.Stack s -> "stack " + s.config().namespace();
      // not listed: pod veths become the TAPs shown with their pods; segments and their external ports lie outside the host
      case DeviceSpec.Veth _, DeviceSpec.Segment _, DeviceSpec.External _ -> "";
    };
  }
}
