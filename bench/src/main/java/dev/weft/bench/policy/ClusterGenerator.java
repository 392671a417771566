package dev.weft.bench.policy;

import dev.weft.model.value.Cidr;
import dev.weft.policy.model.Cluster;
import dev.weft.policy.model.ClusterBuilder;
import dev.weft.policy.model.ContainerPort;
import dev.weft.policy.model.Direction;
import dev.weft.policy.model.LabelSelector;
import dev.weft.policy.model.Labels;
import dev.weft.policy.model.NetworkPolicy;
import dev.weft.policy.model.Peer;
import dev.weft.policy.model.PodId;
import dev.weft.policy.model.PolicyRule;
import dev.weft.policy.model.PortMatch;
import dev.weft.policy.model.Protocol;
import dev.weft.policy.model.WorkloadId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * A realistic cluster: namespaces of a few hundred apps (Deployments of {@code podsPerApp} pods) in tiers
 * web → api → db, labelled app/tier/team; each namespace has a default deny, and per app one policy that
 * admits the tier above it (sometimes from the monitoring namespace too, on a named metrics port), plus
 * egress policies for some apps (DNS to kube-system, an ipBlock to an external range, the tier below).
 * Deterministic for a given seed.
 */
public final class ClusterGenerator {
  private static final String[] TIERS = {"web", "api", "db"};

  private ClusterGenerator() {}

  /**
   * @param namespaces namespaces of apps (plus kube-system and monitoring)
   * @param appsPerNamespace apps (Deployments) per namespace
   * @param podsPerApp replicas per app
   */
  public static Cluster generate(int namespaces, int appsPerNamespace, int podsPerApp, long seed) {
    Random rnd = new Random(seed);
    ClusterBuilder b = new ClusterBuilder().podCidr(Cidr.parse("10.0.0.0/8"));
    b.namespace("kube-system", Labels.of("tier", "system"));
    b.namespace("monitoring", Labels.of("tier", "system"));
    addApp(b, "kube-system", "coredns", Labels.of("k8s-app", "kube-dns"), 2, List.of(ContainerPort.named("dns", 53, Protocol.UDP), ContainerPort.named("dns-tcp", 53, Protocol.TCP)));
    addApp(b, "monitoring", "prometheus", Labels.of("app", "prometheus"), 2, List.of(ContainerPort.named("web", 9090, Protocol.TCP)));
    for (int n = 0; n < namespaces; n++) {
      String ns = "team-" + n;
      b.namespace(ns, Labels.of("team", "t" + n, "env", n % 3 == 0 ? "dev" : "prod"));
      b.policy(new NetworkPolicy(ns, "default-deny", LabelSelector.ALL, Optional.of(Set.of(Direction.INGRESS)), List.of(), List.of()));
      for (int a = 0; a < appsPerNamespace; a++) {
        String tier = TIERS[a % 3];
        String app = "app-" + a;
        int port = 8000 + (a % 50);
        addApp(b, ns, app, Labels.of("app", app, "tier", tier, "team", "t" + n), podsPerApp,
            List.of(ContainerPort.named("http", port, Protocol.TCP), ContainerPort.named("metrics", 9100, Protocol.TCP)));
        b.policy(ingressPolicy(ns, app, tier, port, rnd));
        if (rnd.nextInt(10) == 0) {
          b.policy(egressPolicy(ns, app, tier, rnd));
        }
      }
    }
    return b.build();
  }

  private static void addApp(ClusterBuilder b, String ns, String app, Labels labels, int pods, List<ContainerPort> ports) {
    WorkloadId w = new WorkloadId("Deployment", ns, app);
    for (int i = 0; i < pods; i++) {
      b.pod(new PodId(ns, app + "-" + i), labels, ports, Optional.empty(), false, w);
    }
  }

  private static NetworkPolicy ingressPolicy(String ns, String app, String tier, int port, Random rnd) {
    List<PolicyRule> rules = new ArrayList<>();
    String from = switch (tier) {
      case "web" -> "";
      case "api" -> "web";
      default -> "api";
    };
    if (from.isEmpty()) {
      rules.add(new PolicyRule(List.of(Peer.SelectorPeer.namespaces(LabelSelector.ALL), new Peer.IpBlock(Cidr.parse("0.0.0.0/0"), List.of(Cidr.parse("10.0.0.0/8")))),
          List.of(PortMatch.ProtocolPorts.single(Protocol.TCP, port))));
    } else {
      rules.add(new PolicyRule(List.of(Peer.SelectorPeer.pods(LabelSelector.of("tier", from))), List.of(new PortMatch.NamedPort("http", Optional.of(Protocol.TCP)))));
    }
    if (rnd.nextInt(4) == 0) {
      rules.add(new PolicyRule(List.of(Peer.SelectorPeer.both(LabelSelector.of("kubernetes.io/metadata.name", "monitoring"), LabelSelector.of("app", "prometheus"))),
          List.of(new PortMatch.NamedPort("metrics", Optional.of(Protocol.TCP)))));
    }
    return new NetworkPolicy(ns, "allow-" + app, LabelSelector.of("app", app), Optional.empty(), rules, List.of());
  }

  private static NetworkPolicy egressPolicy(String ns, String app, String tier, Random rnd) {
    List<PolicyRule> rules = new ArrayList<>();
    rules.add(new PolicyRule(List.of(Peer.SelectorPeer.both(LabelSelector.of("kubernetes.io/metadata.name", "kube-system"), LabelSelector.of("k8s-app", "kube-dns"))),
        List.of(PortMatch.ProtocolPorts.single(Protocol.UDP, 53), PortMatch.ProtocolPorts.single(Protocol.TCP, 53))));
    String to = tier.equals("web") ? "api" : "db";
    rules.add(new PolicyRule(List.of(Peer.SelectorPeer.pods(LabelSelector.of("tier", to))), List.of()));
    if (rnd.nextBoolean()) {
      rules.add(new PolicyRule(List.of(new Peer.IpBlock(Cidr.parse("203.0.113.0/24"), List.of(Cidr.parse("203.0.113.128/25")))),
          List.of(new PortMatch.ProtocolPorts(Protocol.TCP, new dev.weft.model.value.PortRange(443, 443)))));
    }
    return new NetworkPolicy(ns, "egress-" + app, LabelSelector.of("app", app), Optional.of(EnumSet.of(Direction.EGRESS)), List.of(), rules);
  }

  /**
   * About {@code pods} pods and {@code policies} NetworkPolicies: one ingress policy per app and an egress
   * policy for one app in ten, so {@code policies / 1.1} apps of {@code pods / apps} replicas, about 200 apps
   * per namespace.
   */
  public static Cluster sized(int pods, int policies) {
    int apps = (int) Math.round(policies / 1.1);
    int podsPerApp = Math.max(1, pods / apps);
    int namespaces = Math.max(1, apps / 200);
    return generate(namespaces, apps / namespaces, podsPerApp, 42);
  }
}
