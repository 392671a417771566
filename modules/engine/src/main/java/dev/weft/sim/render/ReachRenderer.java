package dev.weft.sim.render;

import dev.weft.sim.reach.ReachCell;
import dev.weft.sim.reach.ReachMatrix;
import java.util.List;

/**
 * Text forms of a reachability matrix: the grid the Kubernetes network-policy tests print (sources down,
 * destinations across, tab separated, {@code .} reachable, {@code X} not), one CSV line per cell, and an
 * explanation per blocked cell.
 */
public final class ReachRenderer {
  private ReachRenderer() {}

  public static String grid(ReachMatrix m) {
    StringBuilder out = new StringBuilder();
    long total = (long) m.sources().size() * m.destinations().size();
    out.append("reachability ").append(m.protocol().keyword()).append('/').append(m.destinationPort()).append(": ")
        .append(m.reachableCount()).append(" of ").append(total).append(" pairs reachable\n");
    out.append('-');
    for (String d : m.destinations()) {
      out.append('\t').append(d);
    }
    out.append('\n');
    for (int i = 0; i < m.sources().size(); i++) {
      out.append(m.sources().get(i));
      String row = m.rows().get(i);
      for (int j = 0; j < row.length(); j++) {
        out.append('\t').append(row.charAt(j));
      }
      out.append('\n');
    }
    return out.toString();
  }

  /** {@code from,to,reachable,outcome,cause,at,reason}, quoted where needed (RFC 4180). */
  public static String csv(ReachMatrix m) {
    StringBuilder out = new StringBuilder("from,to,reachable,outcome,cause,at,reason\n");
    for (int i = 0; i < m.sources().size(); i++) {
      for (int j = 0; j < m.destinations().size(); j++) {
        String from = m.sources().get(i);
        String to = m.destinations().get(j);
        if (m.reachable(i, j)) {
          row(out, List.of(from, to, "true", "DELIVERED", "", to, "delivered"));
        } else {
          ReachCell c = m.cell(from, to);
          row(out, List.of(from, to, "false", c.outcome().name(), c.cause().map(Enum::name).orElse(""), c.at(), c.reason()));
        }
      }
    }
    return out.toString();
  }

  /** Why each blocked pair is blocked, with the hops it took. */
  public static String explain(ReachMatrix m) {
    StringBuilder out = new StringBuilder();
    if (m.blocked().isEmpty()) {
      return "every pair is reachable\n";
    }
    for (ReachCell c : m.blocked()) {
      out.append(c.from()).append(" -> ").append(c.to()).append(": ").append(c.verdict()).append(" at ").append(c.at())
          .append(": ").append(c.reason()).append('\n');
      c.explanation().forEach(h -> out.append("    ").append(h).append('\n'));
    }
    return out.toString();
  }

  private static void row(StringBuilder out, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      String f = fields.get(i);
      if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0) {
        out.append('"').append(f.replace("\"", "\"\"")).append('"');
      } else {
        out.append(f);
      }
    }
    out.append('\n');
  }
}
