package dev.weft.lab.text;

import dev.weft.lab.deploy.DeployResult;
import dev.weft.lab.deploy.DestroyResult;

/** {@code weft deploy} and {@code weft destroy} output. */
public final class DeployText {
  private DeployText() {}

  public static String render(DeployResult r) {
    StringBuilder out = new StringBuilder();
    if (!r.changed()) {
      out.append("lab ").append(r.lab()).append(" (topology ").append(r.topology()).append(") is up to date: nothing changed\n");
    } else {
      out.append(r.created() ? "deployed" : "updated").append(" lab ").append(r.lab()).append(" (topology ")
          .append(r.topology()).append("): ").append(r.namespaces().size()).append(" namespaces, ")
          .append(r.changes().size()).append(" changes in ").append(r.millis()).append(" ms\n");
      r.changes().forEach(c -> out.append("  ").append(c).append('\n'));
    }
    r.warnings().forEach(w -> out.append("warning: ").append(w).append('\n'));
    return out.toString();
  }

  public static String render(DestroyResult r) {
    StringBuilder out = new StringBuilder("destroyed lab ").append(r.lab()).append(": removed ")
        .append(r.removed().size()).append(" namespaces");
    if (!r.alreadyGone().isEmpty()) {
      out.append(" (").append(r.alreadyGone().size()).append(" recorded ones were already gone)");
    }
    out.append(" in ").append(r.millis()).append(" ms\n");
    r.removed().forEach(n -> out.append("  ").append(n).append('\n'));
    r.skipped().forEach(n -> out.append("warning: left ").append(n)
        .append(" alone: it is in the record but does not carry the lab's prefix\n"));
    return out.toString();
  }
}
