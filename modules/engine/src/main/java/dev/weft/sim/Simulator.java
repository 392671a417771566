package dev.weft.sim;

import dev.weft.engine.hook.NetfilterHooks;
import dev.weft.model.NetworkModel;
import dev.weft.sim.fabric.Fabric;
import dev.weft.sim.netfilter.RulesetHooks;
import dev.weft.sim.reach.ReachMatrix;
import dev.weft.sim.reach.ReachRequest;
import dev.weft.sim.reach.Reachability;
import dev.weft.sim.run.DirectoryPcapSink;
import dev.weft.sim.run.PcapSink;
import dev.weft.sim.run.TraceRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulator of one model.
 *
 * <p><b>What it computes.</b> {@link #trace} sends one real packet (bytes, checksums and all) from a
 * namespace and follows it through the same Netty handlers a live dataplane runs: veth pairs, learning
 * bridges, each namespace's IP stack (ARP, routing, netfilter hooks, MTU), VXLAN and GRE tunnels and the
 * segments between hosts. It returns every decision as a step and one final disposition. {@link #reach}
 * answers "can A reach B" for many pairs with a fast path that follows the same forwarding rules
 * without bytes; a property test holds the two to the same verdicts.
 *
 * <p><b>Invariants.</b> Runs are deterministic: single-threaded, depth first, with simulated time and
 * every device starting from empty tables (so each trace shows the ARP it needs). Every run ends: a
 * packet that comes back to a device and port it already visited (its TTL aside) is stopped and reported
 * as a loop, and a run has a hard budget of deliveries. No buffer outlives a run.
 *
 * <p><b>Cost.</b> Compiling the model is linear in its size. A trace costs time proportional to the
 * devices and frames it touches (devices are built on first use), and traces are cached per request,
 * so repeating one is a hash lookup. Reachability is computed once per topology and cached as it is
 * asked: what a flood from an interface reaches (shared by every interface of a tunnel-free L2 island),
 * what each tunnel's outer packet does, and, without netfilter rules, the rest of the way from the first
 * router a packet meets. A cell then costs a few hash lookups per stack on its path.
 *
 * <p><b>Limits.</b> The fast path assumes no L2 loops (the byte-level simulator reports them as a loop)
 * and that ARP replies return the way requests came; IPv6 routers never fragment; DNAT in OUTPUT does not
 * reroute; bridged frames do not traverse netfilter.
 */
public final class Simulator {
  /** Cached traces kept per simulator; beyond this the cache starts afresh. */
  static final int TRACE_CACHE_LIMIT = 100_000;

  private final Fabric fabric;
  private final NetfilterHooks hooks;
  private final TraceRunner runner;
  private final Map<TraceRequest, Trace> cache = new ConcurrentHashMap<>();
  private volatile Reachability reachability;

  private Simulator(Fabric fabric, NetfilterHooks hooks) {
    this.fabric = fabric;
    this.hooks = hooks;
    this.runner = new TraceRunner(fabric, hooks);
  }

  /**
   * A simulator that applies every namespace's rule set from the model at its netfilter hooks (no hooks
   * at all when the model has no rules).
   */
  public static Simulator of(NetworkModel model) {
    return of(model, RulesetHooks.of(model));
  }

  public static Simulator of(NetworkModel model, NetfilterHooks hooks) {
    return new Simulator(Fabric.of(model), hooks);
  }

  public NetworkModel model() {
    return fabric.model();
  }

  /** Traces one packet; repeated requests come from the flow cache. */
  public Trace trace(TraceRequest request) {
    Trace cached = cache.get(request);
    if (cached != null) {
      return cached;
    }
    Trace t = runner.run(request, PcapSink.NONE);
    if (cache.size() >= TRACE_CACHE_LIMIT) {
      cache.clear();
    }
    cache.put(request, t);
    return t;
  }

  /** Traces one packet afresh, bypassing the flow cache, handing every frame on every link to {@code pcap}. */
  public Trace trace(TraceRequest request, PcapSink pcap) {
    return runner.run(request, pcap);
  }

  /** Traces one packet and writes one pcap file per link it crossed into {@code pcapDirectory}. */
  public Trace trace(TraceRequest request, Path pcapDirectory) throws IOException {
    try (DirectoryPcapSink sink = new DirectoryPcapSink(pcapDirectory)) {
      Trace t = runner.run(request, sink);
      sink.close();
      return new Trace(t.request(), t.flow(), t.steps(), t.disposition(),
          sink.files().stream().map(Path::toString).toList());
    }
  }

  /** The reachability matrix for the request, from the fast path. */
  public ReachMatrix reach(ReachRequest request) {
    return reachability().matrix(request);
  }

  /**
   * The matrix, and one pcap file per link crossed by the packets of all its cells (traced on real bytes,
   * so this costs a trace per cell).
   */
  public ReachMatrix reach(ReachRequest request, Path pcapDirectory) throws IOException {
    ReachMatrix m = reach(request);
    try (DirectoryPcapSink sink = new DirectoryPcapSink(pcapDirectory)) {
      for (String from : m.sources()) {
        for (String to : m.destinations()) {
          runner.run(request.traceFor(from, to), sink);
        }
      }
      sink.close();
      return m.withPcapFiles(sink.files().stream().map(Path::toString).toList());
    }
  }

  private Reachability reachability() {
    Reachability r = reachability;
    if (r == null) {
      synchronized (this) {
        if (reachability == null) {
          reachability = new Reachability(fabric, hooks);
        }
        r = reachability;
      }
    }
    return r;
  }
}
