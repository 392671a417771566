package dev.weft.cli.dataplane;

import dev.weft.cli.ExitCode;
import dev.weft.cli.InvalidInputException;
import dev.weft.cli.TopologyFiles;
import dev.weft.cli.lab.LabEnvironment;
import dev.weft.cli.lab.LabNameConverter;
import dev.weft.cli.RefusedException;
import dev.weft.dataplane.Dataplane;
import dev.weft.dataplane.DataplaneStartException;
import dev.weft.dataplane.DataplaneOptions;
import dev.weft.dataplane.RunningDataplane;
import dev.weft.dataplane.plan.HostPlan;
import dev.weft.dataplane.plan.HostPlanner;
import dev.weft.dataplane.plan.NamespaceMapping;
import dev.weft.dataplane.plan.PlanOptions;
import dev.weft.dataplane.underlay.Encapsulation;
import dev.weft.lab.LabName;
import dev.weft.lab.Labs;
import dev.weft.linux.error.DriverException;
import dev.weft.model.NetworkModel;
import dev.weft.model.value.Name;
import io.netty.util.ResourceLeakDetector;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code weft dataplane run FILE --host H}: forwards host H's traffic in userspace until SIGINT or SIGTERM.
 * A shutdown hook closes the dataplane, which closes its TAPs and sockets and removes the namespaces it
 * created, so Ctrl-C leaves nothing behind.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run host H of a topology in userspace: pods get TAP devices, tunnels ride UDP sockets in the "
        + "host's namespace (VXLAN interoperable with Linux VXLAN devices, GRE as GRE-in-UDP), and the "
        + "forwarding is the simulator's. Without --lab it runs on this machine (pods are namespaces named "
        + "after them); with --lab it takes over host H of a lab made by 'weft deploy', replacing the kernel's "
        + "bridges, tunnels and pod veths of that host. Runs until SIGINT (Ctrl-C) or SIGTERM. Needs root."})
public final class DataplaneRunCommand implements Callable<Integer> {
  /** The default loopback port of {@code /metrics}, which {@code weft dataplane stats} reads by default too. */
  public static final int DEFAULT_METRICS_PORT = 9747;

  private final LabEnvironment environment;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "Topology YAML file.")
  Path file;

  @Option(names = "--host", required = true, paramLabel = "H", description = "The host of the topology to run.")
  String host;

  @Option(names = {"--lab", "--prefix"}, paramLabel = "NAME", converter = LabNameConverter.class,
      description = "Take over host H of this lab (deployed with 'weft deploy FILE --prefix NAME').")
  Optional<LabName> lab = Optional.empty();

  @Option(names = "--metrics-port", paramLabel = "N", defaultValue = "" + DEFAULT_METRICS_PORT,
      description = "Loopback port of the Prometheus /metrics endpoint (default ${DEFAULT-VALUE}; 0 picks a free one).")
  int metricsPort;

  @Option(names = "--no-metrics", description = "Serve no /metrics endpoint.")
  boolean noMetrics;

  @Option(names = "--offloads", description = "TAPs with virtio-net headers: TCP segments up to 64 KiB cross in one read.")
  boolean offloads;

  @Option(names = "--no-tunnel-segmentation",
      description = "With --offloads, cut TCP batches into VXLAN datagrams here rather than hand them whole to the kernel.")
  boolean noTunnelSegmentation;

  @Option(names = "--vxlan-port", paramLabel = "N", description = "UDP port of every VXLAN device (default: the topology's).")
  Optional<Integer> vxlanPort = Optional.empty();

  @Option(names = "--gre-port", paramLabel = "N",
      description = "UDP port GRE-in-UDP rides on (default 4754, the IANA port of RFC 8086).")
  Optional<Integer> grePort = Optional.empty();

  public DataplaneRunCommand(LabEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    DataplaneOptions options = options();
    NetworkModel model = new TopologyFiles().load(file, spec.commandLine().getErr());
    HostPlan plan = plan(model, options.plan());
    environment.requireRoot("dataplane run");
    if (lab.isPresent()) {
      try (Labs labs = environment.open()) {
        options = options.withNamespaces(new LabHandOver(labs).prepare(lab.get(), model, plan));
      }
    }
    quietLeakDetection();
    RunningDataplane dp = start(model, plan, options);
    PrintWriter err = spec.commandLine().getErr();
    Thread stopOnSignal = Thread.ofPlatform().name("weft-dataplane-stop").unstarted(() -> {
      dp.close();
      err.println("weft dataplane: stopped host " + plan.host() + " (" + dp.errors() + " errors logged)");
      err.flush();
    });
    Runtime.getRuntime().addShutdownHook(stopOnSignal);
    PrintWriter out = spec.commandLine().getOut();
    out.print(RunBanner.render(model.name(), dp.plan(), options.namespaces(), dp.metricsPort()));
    out.flush();
    try {
      dp.awaitStop();
    } catch (InterruptedException e) {
      // run in-process and interrupted rather than signalled: stop forwarding all the same
      dp.close();
      Thread.currentThread().interrupt();
    } finally {
      removeHook(stopOnSignal);
    }
    return ExitCode.OK;
  }

  /**
   * Netty samples buffers for leak reports by default, capturing a stack trace per sample: about 7% of a
   * forwarding loop's time in the dataplane benchmark's profile. A node turns it off; an explicit
   * {@code -Dio.netty.leakDetection.level} (the tests set paranoid) wins.
   */
  private static void quietLeakDetection() {
    if (System.getProperty("io.netty.leakDetection.level") == null) {
      ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
    }
  }

  /** Starts forwarding; after a lab hand-over, a refusal says how to give the host back to the kernel. */
  private RunningDataplane start(NetworkModel model, HostPlan plan, DataplaneOptions options) {
    try {
      return Dataplane.start(model, plan.host(), options);
    } catch (DriverException | DataplaneStartException e) {
      if (lab.isEmpty()) {
        throw e;
      }
      throw new RefusedException(e.getMessage() + "; host " + plan.host() + " of lab " + lab.get() + " has no bridges or"
          + " pod links now: 'weft deploy " + file + " --prefix " + lab.get() + "' gives them back to the kernel", e);
    }
  }

  private DataplaneOptions options() {
    try {
      DataplaneOptions options = DataplaneOptions.defaults().withPlan(new PlanOptions(vxlanPort, grePort.orElse(Encapsulation.GRE_IN_UDP.defaultPort())))
          .withOffloads(offloads).withTunnelSegmentation(!noTunnelSegmentation).withNamespaces(NamespaceMapping.onHost());
      return noMetrics ? options : options.withMetricsPort(metricsPort);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** The host's plan, made before anything touches the kernel: an unknown host or an unrunnable model is exit 2. */
  private HostPlan plan(NetworkModel model, PlanOptions options) {
    Name name;
    try {
      name = Name.of(host);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--host: " + e.getMessage());
    }
    if (model.host(name).isEmpty()) {
      throw new InvalidInputException(file + ": --host " + host + ": topology " + model.name() + " has no such host; its hosts are "
          + String.join(", ", model.hosts().stream().map(h -> h.name().value()).sorted().toList()));
    }
    return new HostPlanner(model, options).plan(name);
  }

  /** An in-process run (tests, embedding) must not leave its hook behind; during shutdown it is running. */
  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is what is stopping us
    }
  }
}
