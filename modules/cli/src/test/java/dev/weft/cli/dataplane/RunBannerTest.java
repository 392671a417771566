package dev.weft.cli.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.dataplane.plan.HostPlan;
import dev.weft.dataplane.plan.HostPlanner;
import dev.weft.dataplane.plan.NamespaceMapping;
import dev.weft.dataplane.plan.PlanOptions;
import dev.weft.linux.netns.NetnsRef;
import dev.weft.model.NetworkModel;
import dev.weft.model.testing.GoldenFiles;
import dev.weft.model.value.Name;
import dev.weft.topology.TopologyLoad;
import dev.weft.topology.TopologyLoader;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** What {@code weft dataplane run} prints for the bundled examples, planned without a kernel. */
class RunBannerTest {

  private static NetworkModel load(String file) {
    return switch (new TopologyLoader().load(Path.of("../../topologies", file))) {
      case TopologyLoad.Loaded l -> l.model();
      case TopologyLoad.Invalid i -> throw new AssertionError(i.diagnostics());
    };
  }

  @Test
  void aVxlanHostInALab() {
    NetworkModel model = load("two-host-vxlan.yaml");
    HostPlan plan = new HostPlanner(model, PlanOptions.DEFAULTS).plan(Name.of("host2"));
    String banner = RunBanner.render(model.name(), plan, new NamespaceMapping(NetnsRef.named("demo-host2"), "demo-"),
        OptionalInt.of(9747));
    assertThat(banner).contains("pod db-1 (namespace demo-db-1)").contains("underlay vxlan on udp 192.168.0.2:4789");
    GoldenFiles.assertMatches("dataplane/run-two-host-vxlan-host2.txt", banner);
  }

  @Test
  void aGreHostOnItsOwnMachineOnAnotherPortWithoutMetrics() {
    NetworkModel model = load("two-host-gre.yaml");
    HostPlan plan = new HostPlanner(model, new PlanOptions(Optional.empty(), 14754)).plan(Name.of("left"));
    String banner = RunBanner.render(model.name(), plan, NamespaceMapping.onHost(), OptionalInt.empty());
    assertThat(banner).contains("in weft's own network namespace").contains("gre-in-udp on udp 172.16.0.1:14754").contains("metrics off");
    GoldenFiles.assertMatches("dataplane/run-two-host-gre-left.txt", banner);
  }
}
