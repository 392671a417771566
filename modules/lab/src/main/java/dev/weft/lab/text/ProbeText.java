package dev.weft.lab.text;

import dev.weft.lab.probe.Mismatch;
import dev.weft.lab.probe.ProbeCell;
import dev.weft.lab.probe.ProbeMatrix;
import dev.weft.lab.probe.ProbeReport;
import java.util.Locale;

/**
 * {@code weft probe}'s output: a summary, one agreement grid per protocol in the layout of {@code weft sim
 * reach} ({@code .} delivered on both sides, {@code X} blocked on both, {@code !} a mismatch, {@code ?} a
 * cell an uninterpreted rule decides, which the simulator does not claim), the time
 * the simulator took beside the kernel's, then every mismatch with the simulated trace and what the
 * kernel did.
 */
public final class ProbeText {
  private ProbeText() {}

  public static String render(ProbeReport r) {
    StringBuilder out = new StringBuilder();
    out.append("probe of lab ").append(r.lab()).append(" (topology ").append(r.topology()).append("): ")
        .append(r.agreeing()).append(" of ").append(r.cells()).append(" cells agree with the simulator")
        .append(r.agrees() ? "\n" : ", " + r.mismatches().size() + " mismatches\n");
    if (!r.drift().isEmpty()) {
      out.append("warning: the lab differs from the topology (").append(r.drift().size())
          .append(" differences; 'weft deploy' would fix them), mismatches may come from that:\n");
      r.drift().stream().limit(10).forEach(d -> out.append("  ").append(d).append('\n'));
    }
    r.notes().forEach(n -> out.append("note: ").append(n).append('\n'));
    for (ProbeMatrix m : r.matrices()) {
      grid(out, m);
    }
    if (!r.mismatches().isEmpty()) {
      out.append("\nmismatches\n");
      r.mismatches().forEach(mm -> mismatch(out, mm));
    }
    return out.toString();
  }

  private static void grid(StringBuilder out, ProbeMatrix m) {
    double ratio = m.simMicros() == 0 ? Double.POSITIVE_INFINITY : (double) m.kernelMicros() / m.simMicros();
    out.append('\n').append(m.protocol().keyword()).append(m.port() == 0 ? "" : "/" + m.port()).append(": ")
        .append(m.agreeing()).append(" of ").append(m.cells().size()).append(" agree; simulator ")
        .append(millis(m.simMicros())).append(", kernel ").append(millis(m.kernelMicros()))
        .append(String.format(Locale.ROOT, " (simulator %.0fx faster)%n", ratio));
    out.append('-');
    m.destinations().forEach(d -> out.append('\t').append(d));
    out.append('\n');
    for (int i = 0; i < m.sources().size(); i++) {
      out.append(m.sources().get(i));
      for (char c : m.rows().get(i).toCharArray()) {
        out.append('\t').append(c);
      }
      out.append('\n');
    }
  }

  private static void mismatch(StringBuilder out, Mismatch mm) {
    ProbeCell c = mm.cell();
    out.append('\n').append(c.protocol().keyword()).append(' ').append(c.from()).append(" -> ").append(c.to())
        .append(c.destination().map(d -> " (" + d + ")").orElse("")).append(": ").append(c.disagreements()).append('\n');
    out.append("  simulator: ").append(c.simVerdict()).append(c.simDelivered() ? (c.simAnswered() ? ", answered" : ", not answered") : "")
        .append(c.simSource().map(s -> ", source " + s).orElse("")).append('\n');
    out.append("  kernel:    ").append(c.kernelDelivered() ? "delivered" : "not delivered")
        .append(c.kernelAnswered() ? ", answered" : ", not answered").append(c.kernelSource().map(s -> ", source " + s).orElse(""))
        .append(c.kernelError().map(e -> " (" + e + ")").orElse("")).append('\n');
    out.append("  simulated trace:\n");
    mm.simulated().lines().forEach(l -> out.append("    ").append(l).append('\n'));
    out.append("  what the kernel did:\n");
    mm.kernel().forEach(l -> out.append("    ").append(l).append('\n'));
  }

  static String millis(long micros) {
    if (micros < 1_000_000) {
      return String.format(Locale.ROOT, micros < 10_000 ? "%.2f ms" : "%.0f ms", micros / 1000.0);
    }
    return String.format(Locale.ROOT, "%.2f s", micros / 1_000_000.0);
  }
}
