package dev.weft.policy;

import dev.weft.model.value.Cidr;
import dev.weft.model.value.PortRange;
import dev.weft.policy.model.Direction;
import dev.weft.policy.model.LabelSelector;
import dev.weft.policy.model.NetworkPolicy;
import dev.weft.policy.model.Peer;
import dev.weft.policy.model.PolicyRule;
import dev.weft.policy.model.PortMatch;
import dev.weft.policy.model.Protocol;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A terse way to write NetworkPolicies in tests. */
public final class Policies {
  private Policies() {}

  public static NetworkPolicy ingress(String ns, String name, LabelSelector select, PolicyRule... rules) {
    return new NetworkPolicy(ns, name, select, Optional.of(Set.of(Direction.INGRESS)), List.of(rules), List.of());
  }

  public static NetworkPolicy egress(String ns, String name, LabelSelector select, PolicyRule... rules) {
    return new NetworkPolicy(ns, name, select, Optional.of(Set.of(Direction.EGRESS)), List.of(), List.of(rules));
  }

  public static NetworkPolicy both(String ns, String name, LabelSelector select, List<PolicyRule> in, List<PolicyRule> out) {
    return new NetworkPolicy(ns, name, select, Optional.of(EnumSet.allOf(Direction.class)), in, out);
  }

  /** policyTypes left out: the API's defaulting applies. */
  public static NetworkPolicy defaulted(String ns, String name, LabelSelector select, List<PolicyRule> in, List<PolicyRule> out) {
    return new NetworkPolicy(ns, name, select, Optional.empty(), in, out);
  }

  public static PolicyRule rule(List<Peer> peers, PortMatch... ports) {
    return new PolicyRule(peers, List.of(ports));
  }

  public static PolicyRule any(PortMatch... ports) {
    return new PolicyRule(List.of(), List.of(ports));
  }

  public static LabelSelector sel(String... kv) {
    return LabelSelector.of(kv);
  }

  public static Peer podPeer(String... kv) {
    return Peer.SelectorPeer.pods(LabelSelector.of(kv));
  }

  public static Peer nsPeer(String... kv) {
    return Peer.SelectorPeer.namespaces(LabelSelector.of(kv));
  }

  public static Peer andPeer(LabelSelector ns, LabelSelector pod) {
    return Peer.SelectorPeer.both(ns, pod);
  }

  public static Peer ipBlock(String cidr, String... except) {
    return new Peer.IpBlock(Cidr.parse(cidr), java.util.Arrays.stream(except).map(Cidr::parse).toList());
  }

  public static PortMatch tcp(int port) {
    return PortMatch.ProtocolPorts.single(Protocol.TCP, port);
  }

  public static PortMatch udp(int port) {
    return PortMatch.ProtocolPorts.single(Protocol.UDP, port);
  }

  public static PortMatch sctp(int port) {
    return PortMatch.ProtocolPorts.single(Protocol.SCTP, port);
  }

  public static PortMatch range(Protocol p, int first, int last) {
    return new PortMatch.ProtocolPorts(p, new PortRange(first, last));
  }

  public static PortMatch named(String name, Protocol p) {
    return new PortMatch.NamedPort(name, Optional.of(p));
  }
}
