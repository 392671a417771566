package dev.weft.lab.text;

import dev.weft.lab.inspect.InspectReport;
import dev.weft.lab.inspect.NamespaceView;
import java.util.List;

/** {@code weft inspect}'s output: the record, each namespace as the kernel holds it, then the drift. */
public final class InspectText {
  private InspectText() {}

  public static String render(InspectReport r) {
    StringBuilder out = new StringBuilder("lab ").append(r.lab());
    r.topology().ifPresent(t -> out.append(" (topology ").append(t).append(r.file().map(f -> " from " + f).orElse(""))
        .append(r.deployedAt().map(d -> ", deployed " + d).orElse("")).append(r.complete() ? "" : ", deploy unfinished")
        .append(')'));
    out.append(": ").append(r.namespaces().size()).append(" namespaces\n");
    for (NamespaceView n : r.namespaces()) {
      out.append('\n').append(n.name()).append(" (").append(n.role()).append(n.model().isEmpty() ? "" : " " + n.model())
          .append(")\n");
      section(out, "links", n.links());
      section(out, "addresses", n.addresses());
      section(out, "routes", n.routes());
      section(out, "neighbours", n.neighbours());
      section(out, "fdb", n.fdb());
      section(out, "rules", n.rules());
    }
    r.notes().forEach(n -> out.append("\nnote: ").append(n));
    if (!r.notes().isEmpty()) {
      out.append('\n');
    }
    r.drift().ifPresent(d -> {
      out.append('\n');
      if (d.isEmpty()) {
        out.append("no drift: the kernel matches the topology\n");
      } else {
        out.append("drift: ").append(d.size()).append(" differences from the topology (what 'weft deploy' would change):\n");
        d.forEach(x -> out.append("  ").append(x).append('\n'));
      }
    });
    return out.toString();
  }

  private static void section(StringBuilder out, String title, List<String> items) {
    if (items.isEmpty()) {
      return;
    }
    out.append("  ").append(title).append(":\n");
    items.forEach(i -> out.append("    ").append(i).append('\n'));
  }
}
