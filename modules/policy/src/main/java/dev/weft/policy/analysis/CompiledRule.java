package dev.weft.policy.analysis;

import dev.weft.policy.model.AdminAction;
import dev.weft.policy.model.PortMatch;
import dev.weft.policy.semantics.RuleRef;
import java.util.BitSet;
import java.util.List;

/**
 * A rule lowered onto classes: the peer classes it matches (the union of its peer predicates) and its ports
 * as an interned id plus the named ports still to resolve on each destination class.
 */
final class CompiledRule {
  final RuleRef ref;
  final AdminAction action;
  final boolean allPeers;
  final int[] peerPredicates;
  final int staticPorts;
  final List<PortMatch.NamedPort> named;
  BitSet peers = new BitSet();

  CompiledRule(RuleRef ref, AdminAction action, boolean allPeers, int[] peerPredicates, int staticPorts, List<PortMatch.NamedPort> named) {
    this.ref = ref;
    this.action = action;
    this.allPeers = allPeers;
    this.peerPredicates = peerPredicates;
    this.staticPorts = staticPorts;
    this.named = List.copyOf(named);
  }

  boolean matchesPeer(int cls) {
    return allPeers || peers.get(cls);
  }
}
