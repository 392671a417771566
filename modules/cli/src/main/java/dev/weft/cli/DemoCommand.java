package dev.weft.cli;

import dev.weft.cli.view.ModelSummary;
import dev.weft.document.Diagnostic;
import dev.weft.model.NetworkModel;
import dev.weft.policy.analysis.ConnectivityEngine;
import dev.weft.policy.manifest.ManifestLoad;
import dev.weft.policy.manifest.ManifestLoader;
import dev.weft.policy.model.Cluster;
import dev.weft.policy.model.Protocol;
import dev.weft.policy.verify.AssertionChecker;
import dev.weft.policy.verify.AssertionReader;
import dev.weft.policy.verify.ConnectivityLister;
import dev.weft.policy.verify.Granularity;
import dev.weft.policy.verify.PolicyEvaluator;
import dev.weft.policy.verify.ReportFormat;
import dev.weft.policy.verify.ReportRenderer;
import dev.weft.sim.Endpoint;
import dev.weft.sim.Simulator;
import dev.weft.sim.Target;
import dev.weft.sim.TraceRequest;
import dev.weft.sim.reach.ReachRequest;
import dev.weft.sim.render.ReachRenderer;
import dev.weft.sim.render.TraceRenderer;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code weft demo}: what weft does, on the bundled two-host VXLAN topology and a small bundled cluster:
 * validate, show, trace across the overlay, the reachability matrix, then a policy verification.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Show what weft does on the bundled examples: a two-host VXLAN topology and a small cluster.")
final class DemoCommand implements Callable<Integer> {
  static final String TOPOLOGY = "two-host-vxlan.yaml";

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    NetworkModel model = new TopologyFiles().loadBundled(TOPOLOGY, spec.commandLine().getErr());
    section(out, "1. Load and validate topologies/" + TOPOLOGY + "   (weft check)");
    out.printf("ok: %s%n", CheckCommand.summary(model));
    section(out, "2. The network model   (weft show)");
    ModelSummary.print(model, out);
    Simulator sim = Simulator.of(model);
    section(out, "3. A packet from web-1 on host1 to db-1 on host2, across the VXLAN overlay   (weft sim trace)");
    out.print(TraceRenderer.standard().render(sim.trace(TraceRequest.of(Endpoint.parse("web-1"), Target.parse("db-1")))));
    section(out, "4. Who reaches whom on TCP 80   (weft sim reach)");
    out.print(ReachRenderer.grid(sim.reach(ReachRequest.all())));
    verification(out);
    section(out, "6. Next steps");
    String t = "topologies/" + TOPOLOGY;
    out.printf("  %-82s %s%n", "weft sim trace " + t + " --from web-1 --to db-1 --size 1500 --df", "an MTU problem");
    out.printf("  %-82s %s%n", "weft sim reach " + t + " --proto udp --dport 53 -o csv", "another matrix");
    out.printf("  %-82s %s%n", "weft graph " + t + " | dot -Tsvg > vxlan.svg", "draw it");
    out.printf("  %-82s %s%n", "weft verify assert DIR --assertions FILE", "your own manifests");
    out.flush();
    return ExitCode.OK;
  }

  private void verification(PrintWriter out) {
    Cluster cluster = switch (new ManifestLoader().loadText("demo/cluster.yaml", BundledResources.text("demo/cluster.yaml"))) {
      case ManifestLoad.Loaded loaded -> loaded.cluster();
      case ManifestLoad.Invalid invalid -> throw new IllegalStateException("bundled demo cluster is invalid: "
          + invalid.diagnostics().stream().map(Diagnostic::format).toList());
    };
    section(out, "5. Policy verification of a small cluster (prod: frontend, backend, db; dev: tester)");
    out.println("   weft verify list:");
    out.print(ReportRenderer.render(ConnectivityLister.list(cluster, Granularity.WORKLOAD), ReportFormat.TEXT));
    out.println();
    out.println("   weft verify eval --src prod/frontend --dst prod/db --port 5432:");
    out.print(PolicyEvaluator.renderText(new PolicyEvaluator(cluster).eval("prod/frontend", "prod/db", Protocol.TCP, 5432)));
    out.println();
    out.println("   weft verify assert --assertions assertions.yaml:");
    var assertions = switch (new AssertionReader().parse("demo/assertions.yaml", BundledResources.text("demo/assertions.yaml"))) {
      case AssertionReader.Result.Read read -> read.assertions();
      case AssertionReader.Result.Invalid invalid -> throw new IllegalStateException("bundled demo assertions are "
          + "invalid: " + invalid.diagnostics().stream().map(Diagnostic::format).toList());
    };
    out.print(AssertionChecker.renderText(new AssertionChecker(ConnectivityEngine.build(cluster)).check(assertions)));
  }

  static void section(PrintWriter out, String title) {
    out.println();
    out.println("== " + title);
    out.println();
  }
}
