package dev.weft.lab.probe;

import dev.weft.linux.netns.NetnsName;
import dev.weft.model.value.Name;
import dev.weft.sim.Protocol;
import dev.weft.sim.reach.ReachMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Probes a matrix on the kernel one source row at a time, the row's cells in parallel, and forgets learnt
 * neighbours between rows ({@link NeighbourFlush}). A cell the simulator delivers but the kernel did not
 * within the timeout is probed again with three times the timeout before it counts, so that a loaded
 * machine does not make mismatches.
 */
final class RowProber {
  static final int RETRY_FACTOR = 3;

  private final KernelProbes kernel;
  private final NeighbourFlush flush;
  private final ProbeOptions options;

  RowProber(KernelProbes kernel, NeighbourFlush flush, ProbeOptions options) {
    this.kernel = kernel;
    this.flush = flush;
    this.options = options;
  }

  KernelOutcome[][] run(Protocol p, ReachMatrix reach, ProbeTargets targets) {
    List<String> from = reach.sources();
    List<String> to = reach.destinations();
    KernelOutcome[][] outcomes = new KernelOutcome[from.size()][to.size()];
    try (ExecutorService pool = Executors.newFixedThreadPool(options.parallelism(),
        Thread.ofPlatform().daemon().name("weft-probe-", 0).factory())) {
      for (int i = 0; i < from.size(); i++) {
        NetnsName src = targets.stack(Name.of(from.get(i)));
        List<Future<?>> row = new ArrayList<>();
        for (int j = 0; j < to.size(); j++) {
          int fi = i;
          int tj = j;
          Name dst = Name.of(to.get(j));
          boolean simDelivered = reach.reachable(i, j);
          row.add(pool.submit(() -> {
            KernelOutcome o = kernel.probe(p, options.port(p), src, targets.address(dst), targets.stack(dst),
                options.timeoutMillis());
            if (simDelivered && !o.delivered() && o.attempt().map(Attempt::sent).orElse(false)) {
              o = kernel.probe(p, options.port(p), src, targets.address(dst), targets.stack(dst),
                  RETRY_FACTOR * options.timeoutMillis());
            }
            outcomes[fi][tj] = o;
          }));
        }
        for (Future<?> f : row) {
          f.get();
        }
        flush.flush();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("probing was interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }
    return outcomes;
  }
}
