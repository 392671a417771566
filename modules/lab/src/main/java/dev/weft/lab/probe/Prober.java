package dev.weft.lab.probe;

import dev.weft.lab.LabException;
import dev.weft.lab.LabName;
import dev.weft.lab.deploy.Privileges;
import dev.weft.lab.inspect.DriftCheck;
import dev.weft.lab.plan.KernelNames;
import dev.weft.lab.record.LabRecord;
import dev.weft.lab.record.LabRecords;
import dev.weft.lab.sim.ModelNetfilterHooks;
import dev.weft.linux.LinuxDriver;
import dev.weft.linux.netns.NetnsName;
import dev.weft.model.NetworkModel;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Name;
import dev.weft.sim.Protocol;
import dev.weft.sim.Simulator;
import dev.weft.sim.reach.ReachMatrix;
import dev.weft.sim.reach.ReachRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code weft probe}: the simulator's reachability matrix against real traffic in the deployed lab.
 *
 * <p>Design note. For each protocol the simulator answers the whole matrix first (timed: that is the
 * figure set beside the kernel's). Then, with a witness (raw sockets) and tiny servers in every stack,
 * every cell sends one real probe from inside the source's namespace to the address the simulator used,
 * many at a time, each with its own id. A cell's kernel verdict is the witness's (did the request reach
 * the destination stack) plus the client's (did the exchange complete, from which source address);
 * {@link CellComparison} sets them beside the simulator's. A cell the simulator delivers but the kernel
 * did not within the timeout is probed again with three times the timeout before it counts, so that a
 * loaded machine does not make mismatches. Mismatches get both stories, and with tracing on, the
 * kernel's is re-run under nftrace. Cost: one probe per cell; a blocked cell costs the
 * timeout, spread over {@code parallelism} threads.
 */
public final class Prober {
  /** A cell the simulator delivers and the kernel did not is probed once more, with this many times the timeout. */
  static final int RETRY_FACTOR = 3;

  private final LinuxDriver driver;
  private final LabRecords records;
  private final Privileges privileges;

  public Prober(LinuxDriver driver, LabRecords records, Privileges privileges) {
    this.driver = driver;
    this.records = records;
    this.privileges = privileges;
  }

  public ProbeReport probe(NetworkModel model, ProbeOptions options) {
    if (!privileges.sufficient()) {
      throw new LabException.NotPrivileged("probe");
    }
    LabName lab = options.lab().orElse(LabName.defaultFor(model.name()));
    LabRecord record = records.load(lab).orElseThrow(() -> new LabException.NoSuchLab("no lab '" + lab
        + "' is deployed: run 'weft deploy' first" + (options.lab().isEmpty() ? " (or name the lab with --lab)" : "")));
    if (!record.topology().equals(model.name().value())) {
      throw new LabException.Conflict("lab '" + lab + "' holds topology '" + record.topology() + "', not '"
          + model.name() + "'");
    }
    List<String> drift = new DriftCheck(driver).drift(model, lab);
    KernelNames names = new KernelNames(lab);
    ProbeTargets targets = new ProbeTargets(model, names);
    Simulator simulator = Simulator.of(model, ModelNetfilterHooks.of(model));
    SimPredictions sim = new SimPredictions(simulator);
    List<ProbeMatrix> matrices = new ArrayList<>();
    List<Mismatch> mismatches = new ArrayList<>();
    try (Witness witness = new Witness(driver.threads(), targets.allStacks(), options.tcpPort(), options.udpPort());
        Servers servers = new Servers(driver.threads(), targets.targetsByStack(), options.tcpPort(), options.udpPort())) {
      KernelProbes kernel = new KernelProbes(new Clients(driver.threads()), witness,
          options.timeoutMillis());
      MismatchStories stories = new MismatchStories(sim, options.traceMismatches()
          ? Optional.of(new KernelTracer(driver, lab, targets.allStacks())) : Optional.empty(), kernel, targets);
      for (Protocol p : options.protocols()) {
        Probed probed = probe(p, options, sim, simulator, kernel, targets);
        matrices.add(probed.matrix());
        for (int k = 0; k < probed.matrix().cells().size(); k++) {
          ProbeCell c = probed.matrix().cells().get(k);
          if (!c.agrees()) {
            mismatches.add(stories.tell(c, probed.outcomes().get(k), request(p, options), options.port(p)));
          }
        }
      }
    }
    return new ProbeReport(lab.value(), model.name().value(), matrices, mismatches, drift);
  }

  static ReachRequest request(Protocol p, ProbeOptions options) {
    return new ReachRequest(List.of(), List.of(), p, options.port(p));
  }

  /** A matrix and the kernel outcome of each of its cells, in the same order. */
  private record Probed(ProbeMatrix matrix, List<KernelOutcome> outcomes) {}

  private Probed probe(Protocol p, ProbeOptions options, SimPredictions sim, Simulator simulator,
      KernelProbes kernel, ProbeTargets targets) {
    ReachRequest request = request(p, options);
    long t0 = System.nanoTime();
    ReachMatrix reach = simulator.reach(request);
    long simMicros = (System.nanoTime() - t0) / 1000;
    Map<String, SimPredictions.Prediction> predictions = sim.quick(reach);
    List<String> from = reach.sources();
    List<String> to = reach.destinations();
    long t1 = System.nanoTime();
    KernelOutcome[][] outcomes = new KernelOutcome[from.size()][to.size()];
    try (ExecutorService pool = Executors.newFixedThreadPool(options.parallelism(),
        Thread.ofPlatform().daemon().name("weft-probe-", 0).factory())) {
      List<Future<?>> work = new ArrayList<>();
      for (int i = 0; i < from.size(); i++) {
        for (int j = 0; j < to.size(); j++) {
          int fi = i;
          int tj = j;
          NetnsName src = targets.stack(Name.of(from.get(i)));
          Name dst = Name.of(to.get(j));
          boolean simDelivered = reach.reachable(fi, tj);
          work.add(pool.submit(() -> {
            KernelOutcome o = kernel.probe(p, options.port(p), src, targets.address(dst), targets.stack(dst),
                options.timeoutMillis());
            if (simDelivered && !o.delivered() && o.attempt().map(Attempt::sent).orElse(false)) {
              o = kernel.probe(p, options.port(p), src, targets.address(dst), targets.stack(dst),
                  RETRY_FACTOR * options.timeoutMillis());
            }
            outcomes[fi][tj] = o;
          }));
        }
      }
      for (Future<?> f : work) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("probing was interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }
    long kernelMicros = (System.nanoTime() - t1) / 1000;
    List<ProbeCell> cells = new ArrayList<>();
    List<KernelOutcome> flat = new ArrayList<>();
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < from.size(); i++) {
      StringBuilder row = new StringBuilder();
      for (int j = 0; j < to.size(); j++) {
        String f = from.get(i);
        String t = to.get(j);
        SimPredictions.Prediction quick = predictions.get(SimPredictions.key(f, t));
        SimPredictions.Prediction first = options.exact() ? sim.exact(quick, f, t, request) : quick;
        ProbeCell c = CellComparison.compare(f, t, p, targets.address(Name.of(t)).map(IpAddress::toString),
            targets.address(Name.of(f)).map(IpAddress::toString), first, () -> sim.exact(quick, f, t, request),
            outcomes[i][j]);
        cells.add(c);
        flat.add(outcomes[i][j]);
        row.append(c.symbol());
      }
      rows.add(row.toString());
    }
    return new Probed(new ProbeMatrix(p, options.port(p), from, to, rows, cells, simMicros, kernelMicros), flat);
  }
}
