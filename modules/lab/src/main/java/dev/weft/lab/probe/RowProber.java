package dev.weft.lab.probe;

import dev.weft.linux.netns.NetnsName;
import dev.weft.model.value.Name;
import dev.weft.sim.Protocol;
import dev.weft.sim.reach.ReachMatrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Probes a matrix on the kernel a batch of source rows at a time, the batch's cells in parallel, and
 * forgets learnt neighbours between batches ({@link NeighbourFlush}). A batch holds as many rows as keep
 * the machine's shared ARP cache at half its hard limit, counting up to {@value #ENTRIES_PER_PROBE}
 * entries per probe (source, routers and destination each learn a neighbour): all rows of a small lab,
 * a few of a large one. A cell the simulator delivers but the kernel did not within the timeout is probed
 * again with three times the timeout before it counts, so that a loaded machine does not make mismatches.
 */
final class RowProber {
  static final int RETRY_FACTOR = 3;
  static final int ENTRIES_PER_PROBE = 4;
  private static final Path GC_THRESH3 = Path.of("/proc/sys/net/ipv4/neigh/default/gc_thresh3");

  private final KernelProbes kernel;
  private final NeighbourFlush flush;
  private final ProbeOptions options;
  private final int neighbourLimit;

  RowProber(KernelProbes kernel, NeighbourFlush flush, ProbeOptions options) {
    this(kernel, flush, options, machineNeighbourLimit());
  }

  RowProber(KernelProbes kernel, NeighbourFlush flush, ProbeOptions options, int neighbourLimit) {
    this.kernel = kernel;
    this.flush = flush;
    this.options = options;
    this.neighbourLimit = neighbourLimit;
  }

  /** {@code gc_thresh3} of the initial namespace (the only one that has it), 1024 if unreadable. */
  static int machineNeighbourLimit() {
    try {
      return Integer.parseInt(Files.readString(GC_THRESH3).strip());
    } catch (IOException | NumberFormatException e) {
      return 1024;
    }
  }

  /** How many rows of {@code columns} cells one batch may hold. */
  static int rowsPerBatch(int neighbourLimit, int columns) {
    return Math.max(1, neighbourLimit / 2 / (ENTRIES_PER_PROBE * Math.max(1, columns)));
  }

  KernelOutcome[][] run(Protocol p, ReachMatrix reach, ProbeTargets targets) {
    List<String> from = reach.sources();
    List<String> to = reach.destinations();
    KernelOutcome[][] outcomes = new KernelOutcome[from.size()][to.size()];
    int batch = rowsPerBatch(neighbourLimit, to.size());
    try (ExecutorService pool = Executors.newFixedThreadPool(options.parallelism(),
        Thread.ofPlatform().daemon().name("weft-probe-", 0).factory())) {
      List<Future<?>> row = new ArrayList<>();
      for (int i = 0; i < from.size(); i++) {
        NetnsName src = targets.stack(Name.of(from.get(i)));
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
        if ((i + 1) % batch == 0 || i == from.size() - 1) {
          for (Future<?> f : row) {
            f.get();
          }
          row.clear();
          flush.flush();
        }
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
