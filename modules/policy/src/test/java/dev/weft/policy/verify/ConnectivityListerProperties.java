package dev.weft.policy.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.policy.ClusterArbitraries;
import dev.weft.policy.model.Cluster;
import dev.weft.policy.model.Pod;
import dev.weft.policy.ports.PortSet;
import dev.weft.policy.semantics.Endpoint;
import dev.weft.policy.semantics.PolicySemantics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The workload and pod reports equal a naive aggregation of the pair-by-pair semantics. */
class ConnectivityListerProperties {
  @Provide
  Arbitrary<Cluster> clusters() {
    return ClusterArbitraries.clusters(true);
  }

  @Property(tries = 200)
  void podAndWorkloadReportsMatchNaiveAggregation(@ForAll("clusters") Cluster c) {
    for (Granularity g : Granularity.values()) {
      Map<String, PortSet[]> naive = naive(c, g);
      Map<String, Connection> got = new TreeMap<>();
      ConnectivityLister.list(c, g).connections().stream()
          .filter(x -> x.source().kind() != ReportEndpoint.Kind.EXTERNAL && x.destination().kind() != ReportEndpoint.Kind.EXTERNAL)
          .forEach(x -> got.put(x.source().name() + " -> " + x.destination().name(), x));
      assertThat(got.keySet()).as(g.toString()).isEqualTo(naive.keySet());
      naive.forEach((k, v) -> {
        assertThat(got.get(k).allowed()).as(g + " all " + k).isEqualTo(v[0]);
        assertThat(got.get(k).partial()).as(g + " partial " + k).isEqualTo(v[1].subtract(v[0]));
      });
    }
  }

  /** key -> {intersection, union} over the distinct pod pairs of each unit pair, non-empty unions only. */
  private static Map<String, PortSet[]> naive(Cluster c, Granularity g) {
    PolicySemantics sem = new PolicySemantics(c);
    Map<String, PortSet[]> acc = new HashMap<>();
    List<Pod> pods = c.pods().stream().filter(p -> !p.hostNetwork()).toList();
    for (Pod s : pods) {
      for (Pod d : pods) {
        if (s.equals(d)) {
          continue;
        }
        PortSet p = sem.allowedPorts(Endpoint.of(s), Endpoint.of(d)).orElseThrow();
        String key = g == Granularity.POD ? s.id() + " -> " + d.id() : s.workload().qualifiedName() + " -> " + d.workload().qualifiedName();
        acc.merge(key, new PortSet[] {p, p}, (a, b) -> new PortSet[] {a[0].intersect(b[0]), a[1].union(b[1])});
      }
    }
    acc.values().removeIf(v -> v[1].isEmpty());
    return acc;
  }
}
