package dev.weft.lab.sim;

import dev.weft.engine.hook.HookVerdict;
import dev.weft.engine.hook.NetfilterHook;
import dev.weft.engine.hook.NetfilterHooks;
import dev.weft.engine.hook.PacketContext;
import dev.weft.model.NetworkModel;
import dev.weft.model.netfilter.Hook;
import dev.weft.model.netfilter.Ruleset;
import dev.weft.model.netfilter.Table;
import dev.weft.model.value.Name;
import dev.weft.netfilter.eval.HostFacts;
import dev.weft.netfilter.eval.L4;
import dev.weft.netfilter.eval.Packet;
import dev.weft.netfilter.eval.RulesetEvaluator;
import dev.weft.netfilter.eval.TableOutcome;
import dev.weft.netfilter.eval.TableResult;
import dev.weft.netfilter.eval.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulator's netfilter hooks for the rule sets a model holds, evaluated without state: every packet
 * is NEW to conntrack and the nat table is not run. That is exact for filter rules on addresses,
 * interfaces, protocols and ports (what {@code weft probe}'s random labs use); rule sets that need
 * connection state or NAT want the engine's stateful hook, which the simulator does not wire in yet.
 * The engine's {@code Simulator.of(model)} uses no hooks at all, so rules in a model are ignored there.
 */
public final class ModelNetfilterHooks implements NetfilterHooks {
  private final NetworkModel model;
  private final Map<Name, NetfilterHook> hooks = new ConcurrentHashMap<>();

  private ModelNetfilterHooks(NetworkModel model) {
    this.model = model;
  }

  /** The hooks of {@code model}; {@link NetfilterHooks#NONE} when no namespace has rules. */
  public static NetfilterHooks of(NetworkModel model) {
    boolean any = model.namespaces().stream().anyMatch(n -> !model.ruleset(n.name()).isEmpty());
    return any ? new ModelNetfilterHooks(model) : NetfilterHooks.NONE;
  }

  @Override
  public NetfilterHook forNamespace(Name namespace) {
    return hooks.computeIfAbsent(namespace, this::build);
  }

  private NetfilterHook build(Name namespace) {
    Name stack = model.namespace(namespace).map(model::stackOf).map(n -> n.name()).orElse(namespace);
    Ruleset rules = model.ruleset(stack);
    if (rules.isEmpty()) {
      return NetfilterHook.ACCEPT_ALL;
    }
    RulesetEvaluator evaluator = new RulesetEvaluator(rules, HostFacts.fromModel(model, stack));
    return packet -> evaluate(evaluator, packet);
  }

  private static HookVerdict evaluate(RulesetEvaluator evaluator, PacketContext p) {
    if (!p.source().isIpv4() || !p.destination().isIpv4()) {
      return HookVerdict.accept();
    }
    Hook hook = Hook.valueOf(p.hook().name());
    dev.weft.netfilter.eval.PacketContext ctx = dev.weft.netfilter.eval.PacketContext.of(packet(p))
        .withInterfaces(p.in().map(Object::toString), p.out().map(Object::toString));
    List<String> explanation = new ArrayList<>();
    for (Table table : Table.atHook(hook)) {
      if (table == Table.NAT) {
        continue;
      }
      TableResult result = evaluator.evaluate(table, hook, ctx);
      TableOutcome first = result.outcomes().getFirst();
      explanation.add(table.keyword() + " " + hook + ": " + first.verdict() + " by " + first.decision());
      if (first.verdict() == Verdict.DROP || first.verdict() == Verdict.REJECT) {
        return new HookVerdict.Drop(first.decision().toString(), explanation);
      }
    }
    return new HookVerdict.Accept(explanation);
  }

  private static Packet packet(PacketContext p) {
    return switch (p.protocol()) {
      case 6 -> Packet.tcp(p.source(), p.sourcePort(), p.destination(), p.destinationPort());
      case 17 -> Packet.udp(p.source(), p.sourcePort(), p.destination(), p.destinationPort());
      case 1 -> Packet.icmp(p.source(), p.destination(), Math.max(0, p.icmpType()), 0);
      default -> new Packet(p.source(), p.destination(), p.protocol(), new L4.None());
    };
  }
}
