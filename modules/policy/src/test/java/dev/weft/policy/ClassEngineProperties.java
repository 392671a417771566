package dev.weft.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.policy.analysis.ConnectivityEngine;
import dev.weft.policy.model.Cluster;
import dev.weft.policy.model.NetworkPolicy;
import dev.weft.policy.ports.PortSet;
import dev.weft.policy.semantics.Endpoint;
import dev.weft.policy.semantics.PolicySemantics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The class engine agrees with the naive pair-by-pair semantics, in batch and incremental mode. */
class ClassEngineProperties {

  @Provide
  Arbitrary<Cluster> npClusters() {
    return ClusterArbitraries.clusters(false);
  }

  @Provide
  Arbitrary<Cluster> adminClusters() {
    return ClusterArbitraries.clusters(true);
  }

  @Property(tries = 300)
  void classEngineEqualsSemantics(@ForAll("npClusters") Cluster c) {
    assertAgree(new PolicySemantics(c), ConnectivityEngine.build(c), c);
  }

  @Property(tries = 300)
  void classEngineEqualsSemanticsWithAdminTiers(@ForAll("adminClusters") Cluster c) {
    assertAgree(new PolicySemantics(c), ConnectivityEngine.build(c), c);
  }

  @Property(tries = 200)
  void incrementalInsertsEqualSemantics(@ForAll("adminClusters") Cluster c) {
    assertAgree(new PolicySemantics(c), Engines.incrementalEngine(c), c);
  }

  @Property(tries = 200)
  void incrementalRemoveAndReplaceEqualSemantics(@ForAll("adminClusters") Cluster c, @ForAll("policy") NetworkPolicy extra) {
    ConnectivityEngine e = ConnectivityEngine.build(c);
    List<NetworkPolicy> ps = new ArrayList<>(c.policies());
    if (!ps.isEmpty()) {
      NetworkPolicy gone = ps.removeFirst();
      e.remove(gone.namespace(), gone.name());
    }
    ps.removeIf(p -> p.qualifiedName().equals(extra.qualifiedName()));
    ps.add(extra);
    e.upsert(extra);
    Cluster after = c.withPolicies(ps);
    assertAgree(new PolicySemantics(after), e, after);
  }

  @Provide
  Arbitrary<NetworkPolicy> policy() {
    return ClusterArbitraries.policies();
  }

  /** The emitted pairs are exactly the non-empty pairs, each once. */
  @Property(tries = 200)
  void forEachAllowedEmitsEveryNonEmptyPairOnce(@ForAll("adminClusters") Cluster c) {
    ConnectivityEngine e = ConnectivityEngine.build(c);
    Map<Long, PortSet> seen = new HashMap<>();
    e.forEachAllowed((s, d, p) -> assertThat(seen.put(((long) s << 32) | d, p)).as("pair %d->%d twice", s, d).isNull());
    for (int s = 0; s < e.classCount(); s++) {
      for (int d = 0; d < e.classCount(); d++) {
        Optional<PortSet> p = e.allowedBetween(s, d);
        PortSet expected = p.filter(x -> !x.isEmpty()).orElse(null);
        assertThat(seen.get(((long) s << 32) | d)).as("pair %d->%d", s, d).isEqualTo(expected);
      }
    }
  }

  static void assertAgree(PolicySemantics sem, ConnectivityEngine engine, Cluster c) {
    List<Endpoint> eps = ClusterArbitraries.endpoints(c);
    for (Endpoint s : eps) {
      for (Endpoint d : eps) {
        if (s instanceof Endpoint.External && d instanceof Endpoint.External) {
          continue;
        }
        assertThat(engine.allowed(s, d)).as("%s -> %s", s, d).isEqualTo(sem.allowedPorts(s, d));
      }
    }
  }
}
