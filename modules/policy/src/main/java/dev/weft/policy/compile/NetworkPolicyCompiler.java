package dev.weft.policy.compile;

import dev.weft.model.netfilter.Chain;
import dev.weft.model.netfilter.ChainName;
import dev.weft.model.netfilter.ConnState;
import dev.weft.model.netfilter.Direction;
import dev.weft.model.netfilter.IpProtocol;
import dev.weft.model.netfilter.IpSet;
import dev.weft.model.netfilter.IpSetEntry;
import dev.weft.model.netfilter.IpSetType;
import dev.weft.model.netfilter.Match;
import dev.weft.model.netfilter.NetfilterTable;
import dev.weft.model.netfilter.Policy;
import dev.weft.model.netfilter.Rule;
import dev.weft.model.netfilter.Ruleset;
import dev.weft.model.netfilter.Table;
import dev.weft.model.netfilter.Target;
import dev.weft.model.value.Cidr;
import dev.weft.policy.model.Cluster;
import dev.weft.policy.model.ContainerPort;
import dev.weft.policy.model.NetworkPolicy;
import dev.weft.policy.model.Peer;
import dev.weft.policy.model.Pod;
import dev.weft.policy.model.PolicyRule;
import dev.weft.policy.model.PortMatch;
import dev.weft.policy.model.Protocol;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compiles NetworkPolicy into an iptables filter table in the style of Calico and kube-router.
 *
 * <p>Design note. FORWARD jumps to {@code WEFT-FORWARD}, which accepts replies (conntrack), clears the two
 * accept marks, then dispatches per pod: {@code -s POD -j WEFT-FW-n} (from workload: egress) and {@code -d POD
 * -j WEFT-TW-n} (to workload: ingress). A pod chain of a pod no policy isolates sets its mark and returns; an
 * isolated pod's chain jumps to the chain of every policy that selects it ({@code WEFT-PO-n} egress, {@code
 * WEFT-PI-n} ingress), whose rules set the mark ({@value #EGRESS_MARK_TEXT} or {@value #INGRESS_MARK_TEXT})
 * on a match, and ends with {@code DROP} when no mark was set. Peers become ipsets (pods as hash:net of /32s,
 * ipBlocks as hash:net of the block minus its excepts); named ports become hash:ip,port sets of every pod's
 * resolved port, matched with {@code dst,dst} as Calico does. A rule with P peers and Q port entries becomes
 * P×Q iptables rules. hostNetwork pods get no chains. Admin-tier policies are not compiled.
 */
public final class NetworkPolicyCompiler {
  public static final long EGRESS_MARK = 0x10000;
  public static final long INGRESS_MARK = 0x20000;
  static final String EGRESS_MARK_TEXT = "0x10000";
  static final String INGRESS_MARK_TEXT = "0x20000";
  static final ChainName FORWARD_CHAIN = ChainName.of("WEFT-FORWARD");

  private final Cluster cluster;
  private final Map<String, IpSet> ipsets = new LinkedHashMap<>();
  private final Map<String, String> setByKey = new LinkedHashMap<>();
  private final Map<String, String> chainNames = new LinkedHashMap<>();

  private NetworkPolicyCompiler(Cluster cluster) {
    this.cluster = cluster;
  }

  public static CompiledPolicies compile(Cluster cluster) {
    return new NetworkPolicyCompiler(cluster).run();
  }

  private CompiledPolicies run() {
    List<Chain> chains = new ArrayList<>();
    List<Rule> dispatch = new ArrayList<>();
    dispatch.add(Rule.of(new Target.Accept(), new Match.CtState(EnumSet.of(ConnState.ESTABLISHED, ConnState.RELATED))));
    dispatch.add(Rule.of(Target.Mark.set(0, EGRESS_MARK | INGRESS_MARK)));
    Map<String, ChainName> policyChains = new LinkedHashMap<>();
    int n = 0;
    for (NetworkPolicy p : cluster.policies()) {
      for (dev.weft.policy.model.Direction d : dev.weft.policy.model.Direction.values()) {
        if (p.isolates(d)) {
          ChainName name = ChainName.of((d == dev.weft.policy.model.Direction.INGRESS ? "WEFT-PI-" : "WEFT-PO-") + n);
          policyChains.put(d + p.qualifiedName(), name);
          chainNames.put(name.value(), "NetworkPolicy " + p.qualifiedName() + " " + d.lower());
          chains.add(Chain.user(name, policyRules(p, d)));
        }
      }
      n++;
    }
    List<Rule> toPods = new ArrayList<>();
    int k = 0;
    for (Pod pod : cluster.pods()) {
      if (pod.hostNetwork()) {
        continue;
      }
      Cidr host = Cidr.host(pod.ip());
      ChainName fw = ChainName.of("WEFT-FW-" + k);
      ChainName tw = ChainName.of("WEFT-TW-" + k);
      k++;
      chainNames.put(fw.value(), "from pod " + pod.id());
      chainNames.put(tw.value(), "to pod " + pod.id());
      chains.add(Chain.user(fw, podChain(pod, dev.weft.policy.model.Direction.EGRESS, policyChains)));
      chains.add(Chain.user(tw, podChain(pod, dev.weft.policy.model.Direction.INGRESS, policyChains)));
      dispatch.add(Rule.of(new Target.Jump(fw), new Match.Source(host), comment("from " + pod.id())));
      toPods.add(Rule.of(new Target.Jump(tw), new Match.Destination(host), comment("to " + pod.id())));
    }
    // an external source has no egress policy: it passes the egress stage
    dispatch.add(Rule.of(Target.Mark.or(EGRESS_MARK)));
    dispatch.addAll(toPods);
    // an external destination has no ingress policy
    dispatch.add(Rule.of(new Target.Accept()));
    chains.add(Chain.user(FORWARD_CHAIN, dispatch));
    chains.add(Chain.builtin(ChainName.of("FORWARD"), Policy.ACCEPT, List.of(Rule.of(new Target.Jump(FORWARD_CHAIN)))));
    NetfilterTable filter = NetfilterTable.of(Table.FILTER, chains);
    Ruleset rs = Ruleset.of(List.of(filter)).withIpsets(ipsets);
    return new CompiledPolicies(rs, chainNames);
  }

  /** Egress: a pod chain marks and returns (or drops); ingress: it accepts (or drops). */
  private List<Rule> podChain(Pod pod, dev.weft.policy.model.Direction d, Map<String, ChainName> policyChains) {
    long mark = d == dev.weft.policy.model.Direction.EGRESS ? EGRESS_MARK : INGRESS_MARK;
    Target done = d == dev.weft.policy.model.Direction.EGRESS ? new Target.Return() : new Target.Accept();
    List<Rule> rules = new ArrayList<>();
    List<ChainName> selecting = new ArrayList<>();
    for (NetworkPolicy p : cluster.policies()) {
      if (p.namespace().equals(pod.namespace()) && p.isolates(d) && p.podSelector().matches(pod.labels())) {
        selecting.add(policyChains.get(d + p.qualifiedName()));
      }
    }
    if (selecting.isEmpty()) {
      rules.add(Rule.of(Target.Mark.or(mark), comment("not isolated for " + d.lower())));
      rules.add(Rule.of(done));
      return rules;
    }
    for (ChainName c : selecting) {
      rules.add(Rule.of(new Target.Jump(c)));
    }
    rules.add(Rule.of(done, new Match.Mark(mark, mark)));
    rules.add(Rule.of(new Target.Drop(), comment("isolated for " + d.lower() + ": no rule allows")));
    return rules;
  }

  private List<Rule> policyRules(NetworkPolicy p, dev.weft.policy.model.Direction d) {
    long mark = d == dev.weft.policy.model.Direction.EGRESS ? EGRESS_MARK : INGRESS_MARK;
    Direction peerSide = d == dev.weft.policy.model.Direction.INGRESS ? Direction.SRC : Direction.DST;
    List<Rule> out = new ArrayList<>();
    List<PolicyRule> rules = p.rules(d);
    for (int i = 0; i < rules.size(); i++) {
      PolicyRule r = rules.get(i);
      List<Optional<Match>> peers = new ArrayList<>();
      if (r.peers().isEmpty()) {
        peers.add(Optional.empty());
      } else {
        r.peers().forEach(peer -> peers.add(Optional.of(new Match.SetMembership(peerSet(p, peer), List.of(peerSide)))));
      }
      List<List<Match>> ports = new ArrayList<>();
      if (r.ports().isEmpty()) {
        ports.add(List.of());
      } else {
        r.ports().forEach(pm -> ports.add(portMatches(pm)));
      }
      for (Optional<Match> peer : peers) {
        for (List<Match> port : ports) {
          List<Match> ms = new ArrayList<>();
          peer.ifPresent(ms::add);
          ms.addAll(port);
          ms.add(comment("NetworkPolicy " + p.qualifiedName() + " " + d.lower() + "[" + i + "]"));
          out.add(new Rule(ms, Target.Mark.or(mark), java.util.OptionalInt.empty()));
        }
      }
    }
    return out;
  }

  private List<Match> portMatches(PortMatch pm) {
    return switch (pm) {
      case PortMatch.AnyPort a -> List.of();
      case PortMatch.ProtocolPorts pp -> pp.range().first() == PortMatch.MIN_PORT && pp.range().last() == PortMatch.MAX_PORT
          ? List.of(new Match.Protocol(ipProtocol(pp.protocol())))
          : List.of(new Match.Protocol(ipProtocol(pp.protocol())), new Match.DestinationPorts(List.of(pp.range())));
      case PortMatch.NamedPort np -> List.of(new Match.SetMembership(namedSet(np), List.of(Direction.DST, Direction.DST)));
    };
  }

  static IpProtocol ipProtocol(Protocol p) {
    return switch (p) {
      case TCP -> IpProtocol.TCP;
      case UDP -> IpProtocol.UDP;
      case SCTP -> IpProtocol.SCTP;
    };
  }

  private String peerSet(NetworkPolicy p, Peer peer) {
    String key = peer instanceof Peer.SelectorPeer ? p.namespace() + "|" + peer : peer.toString();
    return setByKey.computeIfAbsent(key, x -> {
      String name = "WEFT-PEER-" + setByKey.size();
      List<IpSetEntry> entries = new ArrayList<>();
      switch (peer) {
        case Peer.IpBlock b -> b.cidr().subtract(b.except()).forEach(c -> entries.add(IpSetEntry.of(c)));
        case Peer.SelectorPeer s -> {
          for (Pod pod : cluster.pods()) {
            boolean ns = s.namespaceSelector().map(sel -> sel.matches(cluster.namespaceLabels(pod.namespace()))).orElse(pod.namespace().equals(p.namespace()));
            if (!pod.hostNetwork() && ns && s.podSelector().map(sel -> sel.matches(pod.labels())).orElse(true)) {
              entries.add(IpSetEntry.of(Cidr.host(pod.ip())));
            }
          }
        }
      }
      ipsets.put(name, new IpSet(name, IpSetType.HASH_NET, entries));
      return name;
    });
  }

  private String namedSet(PortMatch.NamedPort np) {
    return setByKey.computeIfAbsent("named|" + np, x -> {
      String name = "WEFT-NAMED-" + setByKey.size();
      List<IpSetEntry> entries = new ArrayList<>();
      for (Pod pod : cluster.pods()) {
        for (ContainerPort cp : pod.ports()) {
          if (!pod.hostNetwork() && cp.name().equals(Optional.of(np.name())) && np.protocol().map(pr -> pr == cp.protocol()).orElse(true)) {
            entries.add(IpSetEntry.of(Cidr.host(pod.ip()), ipProtocol(cp.protocol()), dev.weft.model.value.PortRange.single(cp.port())));
          }
        }
      }
      ipsets.put(name, new IpSet(name, IpSetType.HASH_IP_PORT, entries));
      return name;
    });
  }

  private static Match comment(String text) {
    return new Match.Comment(text.length() > 255 ? text.substring(0, 255) : text);
  }
}
