package dev.weft.policy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.policy.Engines;
import dev.weft.policy.Oracle;
import dev.weft.policy.compile.CompilationProof;
import dev.weft.policy.model.Cluster;
import dev.weft.policy.model.Protocol;
import dev.weft.policy.ports.PortSet;
import dev.weft.policy.semantics.Endpoint;
import java.util.ArrayList;
import java.util.List;

/** Checks every engine against a truth table for one protocol/port over all e2e pod pairs. */
public final class Scenario {
  private final Cluster cluster;
  private final List<Oracle> oracles;

  /** Also proves the iptables compilation of the scenario (NetworkPolicy only: admin tiers are not compiled). */
  public Scenario(Cluster cluster) {
    this.cluster = cluster;
    this.oracles = Engines.all(cluster);
    if (cluster.adminPolicies().isEmpty() && cluster.baseline().isEmpty()) {
      CompilationProof.Result proof = CompilationProof.check(cluster);
      assertThat(proof.mismatches()).as("compiled chains vs semantics, %d checks", proof.checked()).isEmpty();
      assertThat(proof.checked()).isPositive();
    }
  }

  public Cluster cluster() {
    return cluster;
  }

  public Scenario check(Protocol protocol, int port, Truth truth) {
    List<String> wrong = new ArrayList<>();
    for (Oracle o : oracles) {
      for (String s : truth.pods()) {
        for (String d : truth.pods()) {
          Endpoint src = Endpoint.of(E2eCluster.pod(cluster, s));
          Endpoint dst = Endpoint.of(E2eCluster.pod(cluster, d));
          PortSet got = o.allowed(src, dst).orElseThrow();
          boolean ok = got.contains(protocol, port);
          if (ok != truth.expected(s, d)) {
            wrong.add(o.name() + ": " + s + " -> " + d + " " + protocol + "/" + port + " expected " + (truth.expected(s, d) ? "allowed" : "denied") + " got " + got);
          }
        }
      }
    }
    assertThat(wrong).as("truth table " + protocol + "/" + port).isEmpty();
    return this;
  }

  /** Checks the same truth table for several protocol/port combinations. */
  public Scenario check(Truth truth, Object... protocolPortPairs) {
    for (int i = 0; i < protocolPortPairs.length; i += 2) {
      check((Protocol) protocolPortPairs[i], (Integer) protocolPortPairs[i + 1], truth);
    }
    return this;
  }

  /** Every engine gives exactly {@code expected} for one pair (ports outside 80/81 included). */
  public Scenario ports(String src, String dst, PortSet expected) {
    for (Oracle o : oracles) {
      PortSet got = o.allowed(Endpoint.of(E2eCluster.pod(cluster, src)), Endpoint.of(E2eCluster.pod(cluster, dst))).orElseThrow();
      assertThat(got).as(o.name() + " " + src + " -> " + dst).isEqualTo(expected);
    }
    return this;
  }
}
