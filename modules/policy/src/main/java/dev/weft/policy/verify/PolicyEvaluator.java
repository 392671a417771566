package dev.weft.policy.verify;

import dev.weft.policy.model.Cluster;
import dev.weft.policy.model.Protocol;
import dev.weft.policy.semantics.Endpoint;
import dev.weft.policy.semantics.PolicySemantics;
import dev.weft.policy.semantics.Verdict;
import dev.weft.policy.semantics.RuleEffect;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** {@code weft verify eval}: allowed or denied for one protocol/port, with the rules that decide. */
public final class PolicyEvaluator {
  private final Cluster cluster;
  private final PolicySemantics semantics;

  public PolicyEvaluator(Cluster cluster) {
    this.cluster = cluster;
    this.semantics = new PolicySemantics(cluster);
  }

  public EvalResult eval(String source, String destination, Protocol protocol, int port) {
    if (port < 1 || port > 65535) {
      throw new UnknownEndpointException("port " + port + " is outside 1..65535");
    }
    EndpointSpec src = EndpointSpec.resolve(cluster, source);
    EndpointSpec dst = EndpointSpec.resolve(cluster, destination);
    List<EvalResult.PairVerdict> pairs = new ArrayList<>();
    Set<Verdict.Outcome> seen = EnumSet.noneOf(Verdict.Outcome.class);
    for (Endpoint s : src.endpoints()) {
      for (Endpoint d : dst.endpoints()) {
        if (s.equals(d) && (src.endpoints().size() > 1 || dst.endpoints().size() > 1)) {
          continue; // a workload to itself: the pairs of distinct pods count
        }
        if (s instanceof Endpoint.External && d instanceof Endpoint.External) {
          throw new UnknownEndpointException("both ends are external addresses: no policy applies");
        }
        Verdict v = semantics.evaluate(s, d).decide(protocol, port);
        seen.add(v.outcome());
        pairs.add(new EvalResult.PairVerdict(s.toString(), d.toString(), v));
      }
    }
    EvalResult.Outcome outcome;
    if (seen.isEmpty() || seen.equals(EnumSet.of(Verdict.Outcome.ALLOWED))) {
      outcome = EvalResult.Outcome.ALLOWED;
    } else if (seen.equals(EnumSet.of(Verdict.Outcome.DENIED))) {
      outcome = EvalResult.Outcome.DENIED;
    } else if (seen.equals(EnumSet.of(Verdict.Outcome.UNDETERMINED))) {
      outcome = EvalResult.Outcome.UNDETERMINED;
    } else {
      outcome = EvalResult.Outcome.PARTIAL;
    }
    return new EvalResult(source, destination, protocol, port, outcome, pairs);
  }

  /** Text: the outcome, then per pod pair (identical verdicts folded) each direction's deciding rules. */
  public static String renderText(EvalResult r) {
    StringBuilder sb = new StringBuilder();
    sb.append(r.source()).append(" -> ").append(r.destination()).append(' ').append(r.protocol()).append('/').append(r.port())
        .append(": ").append(r.outcome().name().toLowerCase(java.util.Locale.ROOT)).append('\n');
    List<String> shown = new ArrayList<>();
    for (EvalResult.PairVerdict p : r.pairs()) {
      String body = String.join("\n", p.verdict().reasons().stream().map(x -> "    " + x).toList());
      String key = p.verdict().outcome() + body;
      if (shown.contains(key)) {
        continue;
      }
      shown.add(key);
      sb.append("  ").append(p.source()).append(" -> ").append(p.destination()).append(": ")
          .append(p.verdict().outcome().name().toLowerCase(java.util.Locale.ROOT)).append('\n').append(body).append('\n');
    }
    return sb.toString();
  }

  public static String renderJson(EvalResult r) {
    List<String> pairs = new ArrayList<>();
    for (EvalResult.PairVerdict p : r.pairs()) {
      List<String> rules = new ArrayList<>();
      p.verdict().directions().forEach(d -> d.deciding().stream().map(RuleEffect::toString).forEach(rules::add));
      pairs.add("{\"source\": " + Json.str(p.source()) + ", \"destination\": " + Json.str(p.destination())
          + ", \"outcome\": " + Json.str(p.verdict().outcome().name().toLowerCase(java.util.Locale.ROOT))
          + ", \"deciding\": " + Json.strings(rules) + ", \"reasons\": " + Json.strings(p.verdict().reasons()) + "}");
    }
    return "{\n  \"source\": " + Json.str(r.source()) + ",\n  \"destination\": " + Json.str(r.destination())
        + ",\n  \"protocol\": " + Json.str(r.protocol().name()) + ",\n  \"port\": " + r.port()
        + ",\n  \"outcome\": " + Json.str(r.outcome().name().toLowerCase(java.util.Locale.ROOT))
        + ",\n  \"pairs\": " + Json.array(pairs, "  ") + "\n}\n";
  }
}
