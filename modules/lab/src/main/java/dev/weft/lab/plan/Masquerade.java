package dev.weft.lab.plan;

import dev.weft.model.Interface;
import dev.weft.model.InterfaceKind;
import dev.weft.model.netfilter.InterfacePattern;
import dev.weft.model.netfilter.Match;
import dev.weft.model.netfilter.Rule;
import dev.weft.model.netfilter.Target;
import java.util.List;
import java.util.Optional;

/**
 * The rules {@code ipMasq} stands for, as the CNI bridge plugin and Docker write them: traffic from the
 * bridge's IPv4 subnets that leaves by another device is masqueraded
 * ({@code -s SUBNET ! -o BRIDGE -j MASQUERADE} in nat POSTROUTING).
 */
final class Masquerade {
  private Masquerade() {}

  static List<Rule> rules(Interface bridge, InterfaceKind.Bridge kind) {
    if (!kind.ipMasq()) {
      return List.of();
    }
    Match notOut = new Match.Not(new Match.OutInterface(InterfacePattern.of(bridge.ref().name().value())));
    return bridge.addresses().stream().filter(a -> a.address().isIpv4())
        .map(a -> Rule.of(new Target.Masquerade(Optional.empty(), false, false), new Match.Source(a.subnet()), notOut))
        .toList();
  }
}
