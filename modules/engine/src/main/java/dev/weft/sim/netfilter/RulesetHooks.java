package dev.weft.sim.netfilter;

import dev.weft.engine.hook.HookVerdict;
import dev.weft.engine.hook.NetfilterHook;
import dev.weft.engine.hook.NetfilterHooks;
import dev.weft.engine.hook.PacketContext;
import dev.weft.engine.packet.IpProtocol;
import dev.weft.model.NetworkModel;
import dev.weft.model.netfilter.Hook;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.Name;
import dev.weft.netfilter.eval.L4;
import dev.weft.netfilter.eval.Packet;
import dev.weft.netfilter.pipeline.HookDecision;
import dev.weft.netfilter.pipeline.NamespaceNetfilter;
import java.util.ArrayList;
import java.util.List;

/**
 * The rule set each namespace has in the model, as the simulator's hooks: every call to
 * {@link #forNamespace} starts a fresh {@link NamespaceNetfilter} (its own conntrack and the state a
 * packet carries between hooks), which the simulator does once per stack per trace, so traces do not
 * leak connections into each other. Rule sets are iptables, hence IPv4: IPv6 packets pass untouched. When
 * a rule weft cannot interpret decides, the verdict is {@link HookVerdict.Undetermined}: the packet stops
 * there and the trace says why, rather than guessing it through.
 */
public final class RulesetHooks implements NetfilterHooks {
  private final NetworkModel model;

  private RulesetHooks(NetworkModel model) {
    this.model = model;
  }

  /** The model's rule sets, or {@link NetfilterHooks#NONE} when no namespace has a rule. */
  public static NetfilterHooks of(NetworkModel model) {
    boolean any = model.namespaces().stream().anyMatch(ns -> !model.ruleset(ns.name()).tables().isEmpty());
    return any ? new RulesetHooks(model) : NetfilterHooks.NONE;
  }

  @Override
  public NetfilterHook forNamespace(Name namespace) {
    // bridged frames never reach the hooks in the simulator, so br_netfilter has nothing to act on
    NamespaceNetfilter netfilter = NamespaceNetfilter.fromModel(model, namespace, false);
    if (netfilter.acceptsEverything()) {
      return NetfilterHook.ACCEPT_ALL;
    }
    return packet -> packet.source().isIpv4() ? verdict(packet, netfilter.evaluate(Hook.valueOf(packet.hook().name()),
        packet(packet), packet.in().map(InterfaceName::value), packet.out().map(InterfaceName::value))) : HookVerdict.accept();
  }

  static Packet packet(PacketContext p) {
    L4 l4 = switch (p.protocol()) {
      case IpProtocol.TCP, IpProtocol.UDP -> new L4.Ports(p.sourcePort(), p.destinationPort());
      case IpProtocol.ICMP -> new L4.Icmp(Math.max(p.icmpType(), 0), 0);
      default -> new L4.None();
    };
    return new Packet(p.source(), p.destination(), p.protocol(), l4);
  }

  static HookVerdict verdict(PacketContext p, HookDecision d) {
    List<String> lines = new ArrayList<>(d.explanation());
    if (d.alternatives() > 1) {
      lines.add("(" + d.alternatives() + " outcomes were possible, e.g. a statistic rule; this flow takes one of them)");
    }
    return switch (d) {
      case HookDecision.Accept a -> new HookVerdict.Accept(lines);
      case HookDecision.Drop drop -> new HookVerdict.Drop(drop.rule() + (drop.reject() ? " (REJECT)" : ""), lines);
      case HookDecision.Rewrite r -> new HookVerdict.Rewrite(r.after().src(), r.after().dst(),
          r.after().srcPort() < 0 ? p.sourcePort() : r.after().srcPort(),
          r.after().dstPort() < 0 ? p.destinationPort() : r.after().dstPort(), r.rule(), lines);
      case HookDecision.Unknown u -> {
        lines.add("weft cannot interpret what decides here (" + u.reason() + "): the outcome is undetermined");
        yield new HookVerdict.Undetermined(u.reason(), lines);
      }
    };
  }
}
