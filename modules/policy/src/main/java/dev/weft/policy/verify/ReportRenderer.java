package dev.weft.policy.verify;

import dev.weft.policy.ports.PortSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Renders a {@link ConnectivityReport}. Every format lists connections in the report's sorted order and
 * writes port sets the same way ({@link PortSet#toString()}: {@code all}, {@code TCP:80,8080 UDP:53}), so
 * outputs are deterministic and diff well in golden files.
 */
public final class ReportRenderer {
  private ReportRenderer() {}

  public static String render(ConnectivityReport r, ReportFormat format) {
    return switch (format) {
      case TEXT -> text(r);
      case JSON -> json(r);
      case CSV -> csv(r);
      case MARKDOWN -> markdown(r);
      case DOT -> dot(r);
    };
  }

  private static String ports(Connection c) {
    return c.uniform() ? c.allowed().toString()
        : (c.allowed().isEmpty() ? "" : c.allowed() + " ") + "(some pods only: " + c.partial() + ")";
  }

  static String text(ConnectivityReport r) {
    StringBuilder sb = new StringBuilder();
    sb.append("# ").append(r.connections().size()).append(" allowed connection(s) between ")
        .append(r.granularity() == Granularity.POD ? r.pods() + " pods" : r.workloads() + " workloads (" + r.pods() + " pods)")
        .append(" and external ranges; ").append(r.classes()).append(" endpoint classes\n");
    int w = 0;
    for (Connection c : r.connections()) {
      w = Math.max(w, c.source().display().length() + c.destination().display().length() + 4);
    }
    for (Connection c : r.connections()) {
      String pair = c.source().display() + " -> " + c.destination().display();
      sb.append(pair).append(" ".repeat(w - pair.length() + 2)).append(ports(c)).append('\n');
    }
    for (String u : r.undetermined()) {
      sb.append("undetermined: ").append(u).append(": NetworkPolicy does not define what applies to hostNetwork pods\n");
    }
    return sb.toString();
  }

  static String json(ConnectivityReport r) {
    List<String> conns = new ArrayList<>();
    for (Connection c : r.connections()) {
      conns.add("{\"source\": " + endpoint(c.source()) + ", \"destination\": " + endpoint(c.destination())
          + ", \"allowed\": " + PortSetJson.of(c.allowed()) + ", \"partial\": " + PortSetJson.of(c.partial()) + "}");
    }
    return "{\n  \"granularity\": " + Json.str(r.granularity().name().toLowerCase(java.util.Locale.ROOT))
        + ",\n  \"pods\": " + r.pods() + ",\n  \"workloads\": " + r.workloads() + ",\n  \"classes\": " + r.classes()
        + ",\n  \"connections\": " + Json.array(conns, "  ")
        + ",\n  \"undetermined\": " + Json.strings(r.undetermined())
        + ",\n  \"notes\": " + Json.strings(r.notes()) + "\n}\n";
  }

  private static String endpoint(ReportEndpoint e) {
    return "{\"kind\": " + Json.str(e.kind().name().toLowerCase(java.util.Locale.ROOT)) + ", \"name\": " + Json.str(e.name())
        + ", \"detail\": " + Json.str(e.detail()) + "}";
  }

  static String csv(ConnectivityReport r) {
    StringBuilder sb = new StringBuilder("source,source_kind,destination,destination_kind,allowed,partial\n");
    for (Connection c : r.connections()) {
      sb.append(cell(c.source().name())).append(',').append(c.source().detail()).append(',')
          .append(cell(c.destination().name())).append(',').append(c.destination().detail()).append(',')
          .append(cell(c.allowed().toString())).append(',').append(cell(c.partial().isEmpty() ? "" : c.partial().toString())).append('\n');
    }
    return sb.toString();
  }

  private static String cell(String s) {
    return s.contains(",") || s.contains("\"") || s.contains(" ") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }

  static String markdown(ConnectivityReport r) {
    StringBuilder sb = new StringBuilder("| source | destination | allowed | only some pods |\n|---|---|---|---|\n");
    for (Connection c : r.connections()) {
      sb.append("| ").append(md(c.source().display())).append(" | ").append(md(c.destination().display())).append(" | ")
          .append(md(c.allowed().toString())).append(" | ").append(c.partial().isEmpty() ? "" : md(c.partial().toString())).append(" |\n");
    }
    if (!r.undetermined().isEmpty()) {
      sb.append("\nUndetermined (hostNetwork): ").append(String.join(", ", r.undetermined())).append('\n');
    }
    return sb.toString();
  }

  private static String md(String s) {
    return s.replace("|", "\\|");
  }

  static String dot(ConnectivityReport r) {
    Set<ReportEndpoint> nodes = new LinkedHashSet<>();
    r.connections().forEach(c -> {
      nodes.add(c.source());
      nodes.add(c.destination());
    });
    StringBuilder sb = new StringBuilder("digraph connectivity {\n  rankdir=LR;\n  node [fontname=\"Helvetica\"];\n");
    for (ReportEndpoint n : nodes.stream().sorted().toList()) {
      String shape = n.kind() == ReportEndpoint.Kind.EXTERNAL ? "note" : n.kind() == ReportEndpoint.Kind.POD ? "ellipse" : "box";
      sb.append("  ").append(Json.str(n.display())).append(" [shape=").append(shape).append("];\n");
    }
    for (Connection c : r.connections()) {
      sb.append("  ").append(Json.str(c.source().display())).append(" -> ").append(Json.str(c.destination().display()))
          .append(" [label=").append(Json.str(ports(c))).append(c.uniform() ? "" : ", style=dashed").append("];\n");
    }
    return sb.append("}\n").toString();
  }
}
