package dev.weft.policy;

import dev.weft.policy.analysis.ConnectivityEngine;
import dev.weft.policy.model.Cluster;
import dev.weft.policy.model.NetworkPolicy;
import dev.weft.policy.ports.PortSet;
import dev.weft.policy.semantics.Endpoint;
import dev.weft.policy.semantics.PolicySemantics;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/** Every engine weft has for a cluster: the reference semantics, the class engine (batch and incremental), the compiled chains. */
public final class Engines {
  private Engines() {}

  public static Oracle semantics(Cluster c) {
    PolicySemantics s = new PolicySemantics(c);
    return oracle("semantics", s::allowedPorts);
  }

  public static Oracle classes(Cluster c) {
    ConnectivityEngine e = ConnectivityEngine.build(c);
    return oracle("classes", e::allowed);
  }

  /** The class engine built without NetworkPolicies, then given them one update at a time. */
  public static ConnectivityEngine incrementalEngine(Cluster c) {
    ConnectivityEngine e = ConnectivityEngine.build(c.withPolicies(List.of()));
    for (NetworkPolicy p : c.policies()) {
      e.upsert(p);
    }
    return e;
  }

  public static Oracle incremental(Cluster c) {
    return oracle("incremental", incrementalEngine(c)::allowed);
  }

  public static List<Oracle> all(Cluster c) {
    List<Oracle> out = new ArrayList<>();
    out.add(semantics(c));
    out.add(classes(c));
    out.add(incremental(c));
    return out;
  }

  public static Oracle oracle(String name, BiFunction<Endpoint, Endpoint, Optional<PortSet>> f) {
    return new Oracle() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Optional<PortSet> allowed(Endpoint source, Endpoint destination) {
        return f.apply(source, destination);
      }
    };
  }
}
