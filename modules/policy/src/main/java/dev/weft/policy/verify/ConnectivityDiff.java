package dev.weft.policy.verify;

import dev.weft.model.value.Cidr;
import dev.weft.policy.analysis.ConnectivityEngine;
import dev.weft.policy.model.Cluster;
import dev.weft.policy.ports.PortSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code weft verify diff OLD NEW}: connections added, removed and changed between two reports of the same
 * granularity, keyed by (source, destination) and sorted.
 */
public record ConnectivityDiff(List<Connection> added, List<Connection> removed, List<Change> changed) {
  public ConnectivityDiff {
    added = List.copyOf(added);
    removed = List.copyOf(removed);
    changed = List.copyOf(changed);
  }

  /** A pair allowed before and after, with different ports. */
  public record Change(ReportEndpoint source, ReportEndpoint destination, Connection before, Connection after) {
    /** Ports the pair gained (allowed for every pod pair). */
    public PortSet gained() {
      return after.allowed().subtract(before.allowed());
    }

    public PortSet lost() {
      return before.allowed().subtract(after.allowed());
    }
  }

  /**
   * Diffs two clusters. Both are analysed with the union of their ipBlock boundaries, so that an external
   * range that one side cuts differently still lines up instead of showing as removed and added.
   */
  public static ConnectivityDiff between(Cluster before, Cluster after, Granularity granularity) {
    java.util.TreeSet<Cidr> cuts = new java.util.TreeSet<>(ConnectivityEngine.addressBoundaries(before));
    cuts.addAll(ConnectivityEngine.addressBoundaries(after));
    List<Cidr> all = List.copyOf(cuts);
    return between(new ConnectivityLister(ConnectivityEngine.build(before, all)).list(granularity),
        new ConnectivityLister(ConnectivityEngine.build(after, all)).list(granularity));
  }

  /** Diffs two reports as they are (their external ranges must line up to compare well). */
  public static ConnectivityDiff between(ConnectivityReport before, ConnectivityReport after) {
    Map<String, Connection> a = index(before);
    Map<String, Connection> b = index(after);
    List<Connection> added = new ArrayList<>();
    List<Connection> removed = new ArrayList<>();
    List<Change> changed = new ArrayList<>();
    a.forEach((k, c) -> {
      Connection n = b.get(k);
      if (n == null) {
        removed.add(c);
      } else if (!n.allowed().equals(c.allowed()) || !n.partial().equals(c.partial())) {
        changed.add(new Change(c.source(), c.destination(), c, n));
      }
    });
    b.forEach((k, c) -> {
      if (!a.containsKey(k)) {
        added.add(c);
      }
    });
    return new ConnectivityDiff(added, removed, changed);
  }

  private static Map<String, Connection> index(ConnectivityReport r) {
    Map<String, Connection> m = new TreeMap<>();
    r.connections().forEach(c -> m.put(c.source().kind() + " " + c.source().name() + "\u0000" + c.destination().kind() + " " + c.destination().name(), c));
    return m;
  }

  public boolean isEmpty() {
    return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
  }

  public String renderText() {
    StringBuilder sb = new StringBuilder();
    sb.append("# ").append(added.size()).append(" added, ").append(removed.size()).append(" removed, ").append(changed.size()).append(" changed\n");
    added.forEach(c -> sb.append("+ ").append(c.source().display()).append(" -> ").append(c.destination().display()).append("  ").append(c.allowed()).append('\n'));
    removed.forEach(c -> sb.append("- ").append(c.source().display()).append(" -> ").append(c.destination().display()).append("  ").append(c.allowed()).append('\n'));
    changed.forEach(c -> sb.append("~ ").append(c.source().display()).append(" -> ").append(c.destination().display()).append("  ")
        .append(c.before().allowed()).append(" => ").append(c.after().allowed()).append('\n'));
    return sb.toString();
  }

  public String renderJson() {
    List<String> add = added.stream().map(ConnectivityDiff::conn).toList();
    List<String> rem = removed.stream().map(ConnectivityDiff::conn).toList();
    List<String> chg = changed.stream().map(c -> "{\"source\": " + Json.str(c.source().display()) + ", \"destination\": " + Json.str(c.destination().display())
        + ", \"before\": " + PortSetJson.of(c.before().allowed()) + ", \"after\": " + PortSetJson.of(c.after().allowed()) + "}").toList();
    return "{\n  \"added\": " + Json.array(add, "  ") + ",\n  \"removed\": " + Json.array(rem, "  ") + ",\n  \"changed\": " + Json.array(chg, "  ") + "\n}\n";
  }

  private static String conn(Connection c) {
    return "{\"source\": " + Json.str(c.source().display()) + ", \"destination\": " + Json.str(c.destination().display())
        + ", \"allowed\": " + PortSetJson.of(c.allowed()) + "}";
  }
}
