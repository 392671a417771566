package dev.weft.policy.verify;

import dev.weft.policy.analysis.ConnectivityEngine;
import dev.weft.policy.analysis.EndpointClass;
import dev.weft.policy.model.Cluster;
import dev.weft.policy.model.Pod;
import dev.weft.policy.ports.PortSet;
import dev.weft.policy.semantics.Endpoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks assertions on the class engine: the selected endpoints on each side are grouped by class, and each
 * class pair is checked once (a pair of one pod with itself does not count). The first violating pair is
 * reported with concrete endpoint names.
 */
public final class AssertionChecker {
  private final ConnectivityEngine engine;
  private final Cluster cluster;

  public AssertionChecker(ConnectivityEngine engine) {
    this.engine = engine;
    this.cluster = engine.cluster();
  }

  /** The outcome of one assertion. */
  public record Result(Assertion assertion, boolean passed, String message) {}

  /** Every result, in file order. */
  public record Report(List<Result> results) {
    public Report {
      results = List.copyOf(results);
    }

    public long failures() {
      return results.stream().filter(r -> !r.passed()).count();
    }

    /** 0 when every assertion holds, 3 otherwise. */
    public int exitCode() {
      return failures() == 0 ? 0 : 3;
    }
  }

  public Report check(List<Assertion> assertions) {
    return new Report(assertions.stream().map(this::check).toList());
  }

  /** Endpoints of one side, keyed by class, with a display name for the first member. */
  private record Side(Map<Integer, List<String>> byClass) {}

  public Result check(Assertion a) {
    Side from = select(a.from());
    Side to = select(a.to());
    if (from.byClass().isEmpty() || to.byClass().isEmpty()) {
      return new Result(a, false, "selects nothing on the " + (from.byClass().isEmpty() ? "from (" + a.from() : "to (" + a.to()) + ") side");
    }
    int pairs = 0;
    for (var s : from.byClass().entrySet()) {
      for (var d : to.byClass().entrySet()) {
        Optional<String[]> names = distinctPair(s.getValue(), d.getValue());
        if (names.isEmpty()) {
          continue;
        }
        pairs++;
        String pair = names.get()[0] + " -> " + names.get()[1];
        Optional<PortSet> allowed = engine.allowedBetween(s.getKey(), d.getKey());
        if (allowed.isEmpty()) {
          if (engine.endpointClass(s.getKey()).kind() == EndpointClass.Kind.EXTERNAL && engine.endpointClass(d.getKey()).kind() == EndpointClass.Kind.EXTERNAL) {
            pairs--;
            continue;
          }
          return new Result(a, false, pair + " is undetermined (a hostNetwork pod)");
        }
        Optional<String> violation = violation(a, allowed.get());
        if (violation.isPresent()) {
          return new Result(a, false, pair + " " + violation.get());
        }
      }
    }
    if (pairs == 0) {
      return new Result(a, false, "no pair of distinct endpoints between the two sides");
    }
    return new Result(a, true, pairs + " class pair(s) checked");
  }

  private static Optional<String> violation(Assertion a, PortSet allowed) {
    PortSet want = a.ports().orElse(PortSet.ALL);
    return switch (a.expect()) {
      case ALLOW -> a.ports().isEmpty()
          ? (allowed.isEmpty() ? Optional.of("allows nothing") : Optional.empty())
          : (allowed.containsAll(want) ? Optional.empty() : Optional.of("allows " + allowed + ", missing " + want.subtract(allowed)));
      case ALLOW_ONLY -> allowed.equals(want) ? Optional.empty() : Optional.of("allows " + allowed + ", expected exactly " + want);
      case DENY -> {
        PortSet bad = allowed.intersect(want);
        yield bad.isEmpty() ? Optional.empty() : Optional.of("allows " + bad);
      }
    };
  }

  /** Names of two distinct endpoints, one from each list; empty when both are the same single endpoint. */
  private static Optional<String[]> distinctPair(List<String> a, List<String> b) {
    for (String x : a) {
      for (String y : b) {
        if (!x.equals(y)) {
          return Optional.of(new String[] {x, y});
        }
      }
    }
    return Optional.empty();
  }

  private Side select(Assertion.Selection s) {
    Map<Integer, List<String>> out = new LinkedHashMap<>();
    boolean podCriteria = s.namespace().isPresent() || s.namespaceSelector().isPresent() || s.podSelector().isPresent() || s.workload().isPresent() || s.pod().isPresent();
    for (Pod p : cluster.pods()) {
      if (matches(s, p)) {
        out.computeIfAbsent(engine.classOf(Endpoint.of(p)).orElseThrow(), k -> new ArrayList<>()).add(p.id().toString());
      }
    }
    if (s.cidr().isPresent() && !podCriteria) {
      for (EndpointClass c : engine.classes()) {
        if (c.kind() == EndpointClass.Kind.EXTERNAL && c.external().stream().anyMatch(x -> x.overlaps(s.cidr().get()))) {
          out.computeIfAbsent(c.id(), k -> new ArrayList<>()).add("external:" + s.cidr().get());
        }
      }
    }
    return new Side(out);
  }

  private boolean matches(Assertion.Selection s, Pod p) {
    return s.namespace().map(n -> n.equals(p.namespace())).orElse(true)
        && s.namespaceSelector().map(sel -> sel.matches(cluster.namespaceLabels(p.namespace()))).orElse(true)
        && s.podSelector().map(sel -> sel.matches(p.labels())).orElse(true)
        && s.workload().map(w -> w.equals(p.workload().qualifiedName())).orElse(true)
        && s.pod().map(n -> n.equals(p.id().toString())).orElse(true)
        && s.cidr().map(c -> c.contains(p.ip())).orElse(true);
  }

  public static String renderText(Report r) {
    StringBuilder sb = new StringBuilder();
    for (Result x : r.results()) {
      sb.append(x.passed() ? "PASS " : "FAIL ").append(x.assertion().name()).append(": ").append(x.message()).append('\n');
    }
    sb.append("# ").append(r.results().size() - r.failures()).append(" passed, ").append(r.failures()).append(" failed\n");
    return sb.toString();
  }

  /** JUnit XML (the Ant/Surefire schema CI systems read): one testcase per assertion. */
  public static String renderJunit(Report r, String suiteName) {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    sb.append("<testsuite name=\"").append(xml(suiteName)).append("\" tests=\"").append(r.results().size())
        .append("\" failures=\"").append(r.failures()).append("\" errors=\"0\" skipped=\"0\">\n");
    for (Result x : r.results()) {
      sb.append("  <testcase classname=\"weft.verify.assert\" name=\"").append(xml(x.assertion().name())).append('"');
      if (x.passed()) {
        sb.append("/>\n");
      } else {
        sb.append(">\n    <failure message=\"").append(xml(x.message())).append("\" type=\"AssertionFailed\">")
            .append(xml(x.assertion().origin() + ": " + x.message())).append("</failure>\n  </testcase>\n");
      }
    }
    return sb.append("</testsuite>\n").toString();
  }

  private static String xml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
