package dev.weft.lab.probe;

import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Name;
import dev.weft.sim.Trace;
import dev.weft.sim.reach.ReachRequest;
import dev.weft.sim.render.TraceRenderer;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Tells both sides of a mismatch: the simulated trace(s) and what the kernel did. */
final class MismatchStories {
  private final SimPredictions sim;
  private final Optional<KernelTracer> tracer;
  private final KernelProbes kernel;
  private final ProbeTargets targets;

  MismatchStories(SimPredictions sim, Optional<KernelTracer> tracer, KernelProbes kernel, ProbeTargets targets) {
    this.sim = sim;
    this.tracer = tracer;
    this.kernel = kernel;
    this.targets = targets;
  }

  Mismatch tell(ProbeCell c, KernelOutcome outcome, ReachRequest request, int port) {
    StringBuilder simulated = new StringBuilder();
    Trace forward = sim.forward(request, c.from(), c.to());
    simulated.append(TraceRenderer.standard().render(forward));
    Optional<IpAddress> dst = targets.address(Name.of(c.to()));
    Optional<IpAddress> src = SimPredictions.source(forward);
    if (c.simDelivered() && dst.isPresent() && src.isPresent()) {
      simulated.append("\nThe answer, ").append(c.to()).append(" -> ").append(src.get()).append(":\n")
          .append(TraceRenderer.standard().render(sim.trace(sim.reply(request, c.to(), dst.get(), src.get()))));
    }
    List<String> k = new ArrayList<>(client(outcome));
    k.add(arrival(c, outcome));
    if (tracer.isPresent() && dst.isPresent()) {
      k.add("kernel trace of the same probe, sent again with nftrace on:");
      k.addAll(tracer.get().trace(c.protocol(), dst.get(), () -> kernel.probe(c.protocol(), port,
          targets.stack(Name.of(c.from())), dst, targets.stack(Name.of(c.to())))));
    }
    return new Mismatch(c, simulated.toString(), k);
  }

  private static List<String> client(KernelOutcome o) {
    if (o.attempt().isEmpty()) {
      return List.of("the destination has no address to send to");
    }
    Attempt a = o.attempt().get();
    List<String> out = new ArrayList<>();
    out.add("client (probe id " + o.id() + "): " + (a.answered() ? "answered" : "no answer")
        + a.source().map(s -> ", source " + s.getHostAddress()).orElse("") + a.error().map(e -> ", " + e).orElse("")
        + (a.sent() ? "" : ", nothing was sent"));
    return out;
  }

  private String arrival(ProbeCell c, KernelOutcome o) {
    String stack = targets.stack(Name.of(c.to())).value();
    if (o.delivered()) {
      return "the request arrived at " + stack + o.arrivals().stream().findFirst()
          .map(a -> " from " + a.source().getHostAddress()).orElse("");
    }
    String elsewhere = String.join(", ", o.arrivals().stream()
        .map(a -> a.stack() + " (from " + hostOf(a.source()) + ")").toList());
    return "the request did not arrive at " + stack + (elsewhere.isEmpty() ? "" : "; it arrived at " + elsewhere);
  }

  private static String hostOf(InetAddress a) {
    return a.getHostAddress();
  }
}
