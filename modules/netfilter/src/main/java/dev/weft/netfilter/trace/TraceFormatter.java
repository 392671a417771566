package dev.weft.netfilter.trace;

import dev.weft.netfilter.eval.PacketContext;
import dev.weft.netfilter.eval.RuleRef;
import dev.weft.netfilter.eval.TraceStep;
import dev.weft.netfilter.render.IptablesRestoreRenderer;
import java.util.List;

/**
 * Writes trace steps as text, one event per line, indented by call depth:
 *
 * <pre>
 * nat PREROUTING: tcp 10.0.0.1:40000 -> 10.96.0.10:80 in eth0 ctstate NEW mark 0x0
 *   #1 (line 12) "kubernetes service portals": -m comment --comment ... -j KUBE-SERVICES
 *   -> KUBE-SERVICES
 *     ...
 *   = ACCEPT by rule nat KUBE-SEP-X #2 (line 40)
 * </pre>
 */
public final class TraceFormatter {
  private final IptablesRestoreRenderer renderer = new IptablesRestoreRenderer();

  public String format(List<TraceStep> steps) {
    StringBuilder sb = new StringBuilder();
    int depth = 0;
    String lastPacket = "";
    RuleRef branchTaken = null;
    for (int i = 0; i < steps.size(); i++) {
      TraceStep s = steps.get(i);
      switch (s) {
        case TraceStep.EnterTable e -> {
          depth = 0;
          String packet = describe(e.packet());
          String head = e.table().keyword() + " " + e.hook();
          if (i + 1 < steps.size() && steps.get(i + 1) instanceof TraceStep.TableVerdict v) {
            // nothing matched: one line for the whole table
            String how = v.decision() instanceof dev.weft.netfilter.eval.Decision.ByPolicy
                ? "policy " + v.verdict() + ", no rule matched" : v.verdict() + " by " + v.decision();
            line(sb, 0, head + ": " + how + (packet.equals(lastPacket) ? "" : "  [" + packet + "]"));
            i++;
          } else {
            line(sb, 0, head + (packet.equals(lastPacket) ? "" : ": " + packet));
          }
          lastPacket = packet;
        }
        case TraceStep.RuleMatched m -> {
          if (!m.rule().equals(branchTaken)) {
            line(sb, depth + 1, rule(m.rule()));
          }
          branchTaken = null;
        }
        case TraceStep.Branch b -> {
          line(sb, depth + 1, rule(b.rule()) + "  [may match (statistic/limit): following the branch where it "
              + (b.matched() ? "matches]" : "does not]"));
          branchTaken = b.matched() ? b.rule() : null;
        }
        case TraceStep.Jump j -> {
          line(sb, depth + 1, (j.isGoto() ? "goto " : "-> ") + j.to());
          depth++;
        }
        case TraceStep.Return r -> {
          depth = Math.max(0, depth - 1);
          line(sb, depth + 1, "<- back in " + r.to() + (r.explicit() ? " (RETURN from " : " (end of ") + r.from() + ")");
        }
        case TraceStep.MarkSet m -> line(sb, depth + 2, "mark 0x" + Long.toHexString(m.before()) + " -> 0x"
            + Long.toHexString(m.after()));
        case TraceStep.UnknownIgnored u -> line(sb, depth + 1, rule(u.rule())
            + "  [not interpreted, but its target cannot change the verdict]");
        case TraceStep.TableVerdict v -> line(sb, 1, "= " + v.verdict() + " by " + v.decision());
        case TraceStep.Note n -> line(sb, 0, "* " + n.text());
      }
    }
    return sb.toString();
  }

  /** {@code #3 (line 20) "comment": -s ... -j TARGET}. */
  public String rule(RuleRef ref) {
    StringBuilder sb = new StringBuilder("#").append(ref.number());
    ref.line().ifPresent(l -> sb.append(" (line ").append(l).append(')'));
    ref.comment().ifPresent(c -> sb.append(" \"").append(c).append('"'));
    return sb.append(':').append(renderer.rule(ref.rule())).toString();
  }

  public static String describe(PacketContext c) {
    StringBuilder sb = new StringBuilder(c.packet().toString());
    c.in().ifPresent(i -> sb.append(" in ").append(i));
    c.out().ifPresent(o -> sb.append(" out ").append(o));
    sb.append(" ctstate ").append(c.ct().state());
    if (c.ct().dnat()) {
      sb.append(",DNAT");
    }
    if (c.ct().snat()) {
      sb.append(",SNAT");
    }
    sb.append(" mark 0x").append(Long.toHexString(c.mark()));
    c.bridge().ifPresent(b -> sb.append(" bridged").append(b.physIn().map(p -> " physin " + p).orElse(""))
        .append(b.physOut().map(p -> " physout " + p).orElse("")));
    return sb.toString();
  }

  private static void line(StringBuilder sb, int depth, String text) {
    sb.append("  ".repeat(depth)).append(text).append('\n');
  }
}
