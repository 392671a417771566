package dev.weft.netfilter.pipeline;

import dev.weft.model.NetworkModel;
import dev.weft.model.netfilter.Hook;
import dev.weft.model.netfilter.Ruleset;
import dev.weft.model.value.Name;
import dev.weft.netfilter.eval.CtInfo;
import dev.weft.netfilter.eval.Decision;
import dev.weft.netfilter.eval.HostFacts;
import dev.weft.netfilter.eval.Packet;
import dev.weft.netfilter.eval.PacketContext;
import dev.weft.netfilter.trace.TraceFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The netfilter of one simulated namespace behind a one-call-per-hook interface, for a simulator that
 * hands over only headers and interfaces at each hook. What the kernel keeps in the skb between hooks
 * (the mark, the conntrack association) is kept here, keyed by the packet's tuple as the next hook will
 * see it; connections live in this namespace's {@link Conntrack}. When several outcomes are possible
 * (statistic rules, NAT ranges) the one for this flow is picked by a hash of its tuple, as the kernel
 * picks one at random, and {@link HookDecision#alternatives()} says how many there were.
 */
public final class NamespaceNetfilter {
  private static final int IN_FLIGHT_LIMIT = 1 << 16;
  private final Ruleset ruleset;
  private final NetfilterPipeline pipeline;
  private final TraceFormatter formatter = new TraceFormatter();
  private final Map<Tuple, TrackedPacket> inFlight = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Tuple, TrackedPacket> eldest) {
      return size() > IN_FLIGHT_LIMIT;
    }
  };

  public NamespaceNetfilter(Ruleset ruleset, HostFacts facts, boolean brNetfilter) {
    this.ruleset = ruleset;
    this.pipeline = new NetfilterPipeline(ruleset, facts, new Conntrack(), brNetfilter);
  }

  /** The rule set and addresses of {@code namespace}'s stack in the model. */
  public static NamespaceNetfilter fromModel(NetworkModel model, Name namespace, boolean brNetfilter) {
    Name stack = model.namespace(namespace).map(model::stackOf).map(ns -> ns.name()).orElse(namespace);
    return new NamespaceNetfilter(model.ruleset(stack), HostFacts.fromModel(model, stack), brNetfilter);
  }

  /** True when there are no rules at all: every hook accepts, and a simulator may skip asking. */
  public boolean acceptsEverything() {
    return ruleset.tables().isEmpty();
  }

  /** The decision of {@code hook} for a packet with these headers, arriving on {@code in}, leaving by {@code out}. */
  public HookDecision evaluate(Hook hook, Packet packet, Optional<String> in, Optional<String> out) {
    // PREROUTING and OUTPUT are where a packet enters the stack; later hooks continue its skb state
    Optional<TrackedPacket> previous = hook == Hook.PREROUTING || hook == Hook.OUTPUT ? Optional.empty()
        : Optional.ofNullable(inFlight.get(Tuple.of(packet)));
    TrackedPacket start = previous.map(p -> p.withInterfaces(in, out))
        .orElseGet(() -> TrackedPacket.fresh(new PacketContext(packet, in, out, 0, CtInfo.NEW, Optional.empty())));
    HookResult result = pipeline.traceHook(hook, start);
    List<HookOutcome> outcomes = result.outcomes();
    HookOutcome chosen = outcomes.get(Math.floorMod(Tuple.of(packet).hashCode(), outcomes.size()));
    Packet after = chosen.packet().context().packet();
    inFlight.put(Tuple.of(after), chosen.packet());
    List<String> lines = formatter.format(chosen.trace()).lines().toList();
    int n = outcomes.size();
    String rule = chosen.decision() instanceof Decision.ByRule r ? formatter.rule(r.rule()) : chosen.decision().toString();
    return switch (chosen.verdict()) {
      case ACCEPT -> after.equals(packet) ? new HookDecision.Accept(lines, n)
          : new HookDecision.Rewrite(after, rule, lines, n);
      case DROP -> new HookDecision.Drop(rule, false, lines, n);
      case REJECT -> new HookDecision.Drop(rule, true, lines, n);
      case UNKNOWN -> new HookDecision.Unknown(chosen.decision().toString(), lines, n);
    };
  }
}
