package dev.weft.policy.verify;

import dev.weft.policy.model.Cluster;
import dev.weft.policy.ports.PortSet;
import dev.weft.policy.semantics.ConnectionResult;
import dev.weft.policy.semantics.DirectionResult;
import dev.weft.policy.semantics.Endpoint;
import dev.weft.policy.semantics.PolicySemantics;
import dev.weft.policy.semantics.RuleEffect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code weft verify explain}: for each direction, the policies that select the pod, the rules that allow
 * (or, in the admin tiers, deny or pass) and why everything else is denied. Pod pairs with the same
 * explanation are folded into one block.
 */
public final class PolicyExplainer {
  private final Cluster cluster;
  private final PolicySemantics semantics;

  public PolicyExplainer(Cluster cluster) {
    this.cluster = cluster;
    this.semantics = new PolicySemantics(cluster);
  }

  /** One folded block: the pod pairs it covers and the explanation of the first of them. */
  public record Block(List<String> pairs, ConnectionResult result, List<String> lines) {
    public Block {
      pairs = List.copyOf(pairs);
      lines = List.copyOf(lines);
    }
  }

  /** The explanation of every pod pair behind {@code source} and {@code destination}. */
  public record Explanation(String source, String destination, List<Block> blocks) {
    public Explanation {
      blocks = List.copyOf(blocks);
    }
  }

  public Explanation explain(String source, String destination) {
    EndpointSpec src = EndpointSpec.resolve(cluster, source);
    EndpointSpec dst = EndpointSpec.resolve(cluster, destination);
    Map<String, Block> blocks = new LinkedHashMap<>();
    for (Endpoint s : src.endpoints()) {
      for (Endpoint d : dst.endpoints()) {
        if ((s.equals(d) && (src.endpoints().size() > 1 || dst.endpoints().size() > 1)) || (s instanceof Endpoint.External && d instanceof Endpoint.External)) {
          continue;
        }
        ConnectionResult r = semantics.evaluate(s, d);
        List<String> lines = lines(r);
        // fold on the text without the pod names, so replicas of one workload share a block
        String key = String.join("\n", lines).replace(s.toString(), "SRC").replace(d.toString(), "DST");
        Block b = blocks.get(key);
        List<String> pairs = new ArrayList<>(b == null ? List.of() : b.pairs());
        pairs.add(s + " -> " + d);
        blocks.put(key, new Block(pairs, b == null ? r : b.result(), b == null ? lines : b.lines()));
      }
    }
    return new Explanation(source, destination, List.copyOf(blocks.values()));
  }

  static List<String> lines(ConnectionResult r) {
    List<String> out = new ArrayList<>();
    switch (r.kind()) {
      case SELF -> out.add("allowed: all (a pod may always reach itself)");
      case HOST_NETWORK -> out.add("undetermined: a hostNetwork pod is involved; NetworkPolicy does not define what applies to it");
      case EVALUATED -> {
        out.add("allowed: " + r.allowed().orElseThrow());
        r.egress().ifPresent(e -> direction(e, out));
        r.ingress().ifPresent(i -> direction(i, out));
      }
    }
    return out;
  }

  private static void direction(DirectionResult d, List<String> out) {
    out.add(d.direction().lower() + " of " + d.subject() + ":");
    if (!d.subjectToPolicy()) {
      out.add("  external address: no policy applies (everything allowed)");
      return;
    }
    if (!d.selectingAdmin().isEmpty()) {
      out.add("  admin tiers selecting it: " + String.join(", ", d.selectingAdmin()));
    }
    if (d.isolated()) {
      out.add("  isolated by NetworkPolicy " + String.join(", ", d.isolatingPolicies()));
    } else {
      out.add("  not isolated: no NetworkPolicy selects it for " + d.direction().lower());
    }
    for (RuleEffect e : d.effects()) {
      out.add("  " + e);
    }
    PortSet denied = d.allowed().complement();
    if (denied.isEmpty()) {
      out.add("  nothing denied");
    } else if (d.isolated()) {
      PortSet byAdmin = PortSet.EMPTY;
      for (RuleEffect e : d.effects()) {
        if (e.action() == dev.weft.policy.model.AdminAction.DENY) {
          byAdmin = byAdmin.union(e.ports());
        }
      }
      PortSet rest = denied.subtract(byAdmin);
      if (!rest.isEmpty()) {
        out.add("  denied " + rest + ": no rule of " + String.join(", ", d.isolatingPolicies()) + " allows it "
            + (d.direction() == dev.weft.policy.model.Direction.INGRESS ? "from " : "to ") + d.peer());
      }
    } else {
      out.add("  denied " + denied + " by the admin-tier rules above");
    }
  }

  public static String renderText(Explanation e) {
    StringBuilder sb = new StringBuilder();
    for (Block b : e.blocks()) {
      sb.append(b.pairs().getFirst());
      if (b.pairs().size() > 1) {
        sb.append(" (and ").append(b.pairs().size() - 1).append(" more pod pair(s) alike)");
      }
      sb.append('\n');
      b.lines().forEach(l -> sb.append("  ").append(l).append('\n'));
    }
    return sb.toString();
  }

  public static String renderJson(Explanation e) {
    List<String> blocks = new ArrayList<>();
    for (Block b : e.blocks()) {
      blocks.add("{\"pairs\": " + Json.strings(b.pairs()) + ", \"allowed\": "
          + b.result().allowed().map(PortSetJson::of).orElse("null") + ", \"lines\": " + Json.strings(b.lines()) + "}");
    }
    return "{\n  \"source\": " + Json.str(e.source()) + ",\n  \"destination\": " + Json.str(e.destination())
        + ",\n  \"blocks\": " + Json.array(blocks, "  ") + "\n}\n";
  }
}
