package dev.weft.lab.probe;

import dev.weft.lab.LabException;
import dev.weft.lab.LabName;
import dev.weft.lab.deploy.Privileges;
import dev.weft.lab.inspect.DriftCheck;
import dev.weft.lab.plan.KernelNames;
import dev.weft.lab.record.LabRecord;
import dev.weft.lab.record.LabRecords;
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

/**
 * {@code weft probe}: the simulator's reachability matrix against real traffic in the deployed lab.
 *
 * <p>Design note. For each protocol the simulator answers the whole matrix first (timed: that is the
 * figure set beside the kernel's). Then, with a witness (raw sockets) and tiny servers in every stack,
 * every cell sends one real probe from inside the source's namespace to the address the simulator used,
 * a row at a time with the row's probes in parallel, each with its own id ({@link RowProber}). A cell's kernel verdict is the witness's (did the request reach
 * the destination stack) plus the client's (did the exchange complete, from which source address);
 * {@link CellComparison} sets them beside the simulator's. Mismatches get both stories, and with tracing
 * on, the kernel's is re-run under nftrace. Cost: one probe per cell; a blocked cell costs the
 * timeout, spread over {@code parallelism} threads.
 */
public final class Prober {
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
    Simulator simulator = Simulator.of(model);
    Optional<String> noAnswers = AnswerPredictability.whyNot(model);
    List<String> notes = new ArrayList<>();
    noAnswers.ifPresent(why -> notes.add("answers are reported but not compared: " + why
        + ", and the simulator traces an answer as a fresh packet"));
    SimPredictions sim = new SimPredictions(simulator);
    List<ProbeMatrix> matrices = new ArrayList<>();
    List<Mismatch> mismatches = new ArrayList<>();
    try (Witness witness = new Witness(driver.threads(), targets.allStacks(), options.tcpPort(), options.udpPort());
        Servers servers = new Servers(driver.threads(), targets.targetsByStack(), options.tcpPort(), options.udpPort());
        NeighbourFlush flush = new NeighbourFlush(driver, targets.allStacks())) {
      KernelProbes kernel = new KernelProbes(new Clients(driver.threads()), witness,
          options.timeoutMillis());
      MismatchStories stories = new MismatchStories(sim, options.traceMismatches()
          ? Optional.of(new KernelTracer(driver, lab, targets.allStacks())) : Optional.empty(), kernel, targets);
      RowProber rows = new RowProber(kernel, flush, options);
      for (Protocol p : options.protocols()) {
        Probed probed = probe(p, options, sim, simulator, rows, targets, noAnswers.isEmpty());
        matrices.add(probed.matrix());
        for (int k = 0; k < probed.matrix().cells().size(); k++) {
          ProbeCell c = probed.matrix().cells().get(k);
          if (!c.agrees()) {
            mismatches.add(stories.tell(c, probed.outcomes().get(k), request(p, options), options.port(p)));
          }
        }
      }
    }
    return new ProbeReport(lab.value(), model.name().value(), matrices, mismatches, drift, notes);
  }

  static ReachRequest request(Protocol p, ProbeOptions options) {
    return new ReachRequest(List.of(), List.of(), p, options.port(p));
  }

  /** A matrix and the kernel outcome of each of its cells, in the same order. */
  private record Probed(ProbeMatrix matrix, List<KernelOutcome> outcomes) {}

  private Probed probe(Protocol p, ProbeOptions options, SimPredictions sim, Simulator simulator, RowProber prober,
      ProbeTargets targets, boolean compareAnswers) {
    ReachRequest request = request(p, options);
    long t0 = System.nanoTime();
    ReachMatrix reach = simulator.reach(request);
    long simMicros = (System.nanoTime() - t0) / 1000;
    Map<String, SimPredictions.Prediction> predictions = sim.quick(reach);
    List<String> from = reach.sources();
    List<String> to = reach.destinations();
    long t1 = System.nanoTime();
    KernelOutcome[][] outcomes = prober.run(p, reach, targets);
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
            outcomes[i][j], compareAnswers);
        cells.add(c);
        flat.add(outcomes[i][j]);
        row.append(c.symbol());
      }
      rows.add(row.toString());
    }
    return new Probed(new ProbeMatrix(p, options.port(p), from, to, rows, cells, simMicros, kernelMicros), flat);
  }
}
