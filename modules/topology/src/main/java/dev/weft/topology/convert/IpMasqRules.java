package dev.weft.topology.convert;

import dev.weft.model.netfilter.Chain;
import dev.weft.model.netfilter.ChainName;
import dev.weft.model.netfilter.Hook;
import dev.weft.model.netfilter.Match;
import dev.weft.model.netfilter.NetfilterTable;
import dev.weft.model.netfilter.Rule;
import dev.weft.model.netfilter.Ruleset;
import dev.weft.model.netfilter.Table;
import dev.weft.model.netfilter.Target;
import dev.weft.model.value.Cidr;
import dev.weft.model.value.InterfaceName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A bridge's {@code ipMasq} as the rules that do it, in the host's nat table, so that the simulator and a
 * deployed lab apply the same masquerade. The shape follows the reference bridge plugin: traffic from the
 * bridge's subnet to anything outside it, except multicast, leaves with the outgoing interface's address.
 *
 * <pre>
 * -A POSTROUTING -s 10.1.0.0/24 -m comment --comment "weft ipMasq br0" -j WEFT-MASQ-br0
 * -A WEFT-MASQ-br0 -d 10.1.0.0/24 -j RETURN
 * -A WEFT-MASQ-br0 -d 224.0.0.0/4 -j RETURN
 * -A WEFT-MASQ-br0 -j MASQUERADE
 * </pre>
 */
final class IpMasqRules {
  static final String CHAIN_PREFIX = "WEFT-MASQ-";
  private static final Cidr MULTICAST = Cidr.parse("224.0.0.0/4");

  private IpMasqRules() {}

  /** A bridge that masquerades and its IPv4 subnets (iptables rule sets are IPv4). */
  record Masqueraded(InterfaceName bridge, List<Cidr> subnets) {}

  static ChainName chainOf(InterfaceName bridge) {
    return ChainName.of(CHAIN_PREFIX + bridge.value());
  }

  /** {@code base} with the masquerade of every bridge added; empty when a chain name is already taken. */
  static Optional<Ruleset> addTo(Ruleset base, List<Masqueraded> bridges) {
    NetfilterTable nat = base.table(Table.NAT);
    Map<ChainName, Chain> chains = new LinkedHashMap<>(nat.chains());
    Chain post = nat.builtin(Hook.POSTROUTING);
    List<Rule> postRules = new ArrayList<>(post.rules());
    for (Masqueraded m : bridges) {
      ChainName chain = chainOf(m.bridge());
      if (chains.containsKey(chain)) {
        return Optional.empty();
      }
      Match comment = new Match.Comment("weft ipMasq " + m.bridge());
      List<Rule> rules = new ArrayList<>();
      for (Cidr subnet : m.subnets()) {
        rules.add(Rule.of(new Target.Return(), new Match.Destination(subnet)));
      }
      rules.add(Rule.of(new Target.Return(), new Match.Destination(MULTICAST)));
      rules.add(Rule.of(Target.Masquerade.plain()));
      chains.put(chain, Chain.user(chain, rules));
      for (Cidr subnet : m.subnets()) {
        postRules.add(Rule.of(new Target.Jump(chain), new Match.Source(subnet), comment));
      }
    }
    chains.put(post.name(), new Chain(post.name(), post.policy(), postRules));
    return Optional.of(base.withTable(new NetfilterTable(Table.NAT, chains)));
  }
}
