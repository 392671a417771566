package dev.weft.sim.render;

import dev.weft.engine.packet.Header;
import dev.weft.sim.Disposition;
import dev.weft.sim.Location;
import dev.weft.sim.Role;
import dev.weft.sim.Trace;
import dev.weft.sim.TraceStep;
import java.util.List;
import java.util.Optional;

/**
 * Renders a trace as text in the manner of {@code ovs-appctl ofproto/trace}: the flow, then one block
 * per device the packet visits with the decisions made there, the headers whenever they change, branches
 * indented, and the final disposition. By default only the traced packet's own steps are shown (the ARP
 * and NDP exchanges it needed are summarised by the resolution steps); {@code verbose} shows every step,
 * marking resolution and ICMP-error traffic.
 */
public final class TraceRenderer {
  private final boolean verbose;

  private TraceRenderer(boolean verbose) {
    this.verbose = verbose;
  }

  public static TraceRenderer standard() {
    return new TraceRenderer(false);
  }

  public static TraceRenderer verbose() {
    return new TraceRenderer(true);
  }

  public String render(Trace trace) {
    StringBuilder out = new StringBuilder();
    out.append("Flow: ").append(trace.flow()).append('\n');
    out.append("From: ").append(trace.request().from()).append("  To: ").append(trace.request().to()).append('\n');
    Optional<Location> current = Optional.empty();
    int hidden = 0;
    for (TraceStep step : trace.steps()) {
      if (!verbose && step.role() != Role.PACKET) {
        hidden++;
        continue;
      }
      Location at = where(step);
      String indent = "  ".repeat(step.depth());
      if (current.isEmpty() || !current.get().equals(at)) {
        out.append('\n').append(indent).append(at.label()).append(" [").append(at.kind()).append("]\n");
        current = Optional.of(at);
      }
      for (String line : lines(step).split("\n")) {
        out.append(indent).append("  ").append(tag(step.role())).append(line).append('\n');
      }
    }
    if (hidden > 0) {
      out.append("\n(").append(hidden).append(" steps of ARP/NDP and ICMP error traffic not shown)\n");
    }
    out.append("\nFinal disposition: ").append(disposition(trace.disposition())).append('\n');
    return out.toString();
  }

  static String disposition(Disposition d) {
    return d.verdict() + d.at().map(a -> " at " + a.label()).orElse("") + ": " + d.detail();
  }

  private static Location where(TraceStep step) {
    return switch (step) {
      case TraceStep.Sent s -> s.at();
      case TraceStep.Decision d -> d.at();
      case TraceStep.Crossed c -> c.from();
      case TraceStep.LoopDetected l -> l.at();
      case TraceStep.NoCarrier n -> n.at();
    };
  }

  private static String lines(TraceStep step) {
    return switch (step) {
      case TraceStep.Sent s -> "send " + headers(s.headers());
      case TraceStep.Decision d -> EventText.of(d.event());
      case TraceStep.Crossed c -> "--> " + c.to().label() + " [" + c.to().kind() + "] over " + c.link()
          + (c.headers().isEmpty() ? "" : "\n    " + headers(c.headers()));
      case TraceStep.LoopDetected l -> "LOOP: " + l.detail();
      case TraceStep.NoCarrier n -> "no carrier on " + n.port() + ": the frame goes nowhere";
    };
  }

  private String tag(Role role) {
    if (!verbose) {
      return "";
    }
    return switch (role) {
      case PACKET -> "";
      case RESOLUTION -> "[arp] ";
      case ERROR -> "[icmp] ";
    };
  }

  static String headers(List<Header> headers) {
    return String.join(" | ", headers.stream().map(Header::summary).toList());
  }
}
