package dev.weft.dataplane.stats;

import dev.weft.engine.event.DropReason;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders {@link DataplaneStats} in the Prometheus text exposition format (version 0.0.4): one counter
 * family per quantity, labelled by host, port and port kind, and the drops also by reason. {@link
 * MetricsParser} reads the same text back for {@code weft dataplane stats}.
 */
public final class PrometheusText {
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  static final String RX_PACKETS = "weft_dataplane_rx_packets_total";
  static final String RX_BYTES = "weft_dataplane_rx_bytes_total";
  static final String TX_PACKETS = "weft_dataplane_tx_packets_total";
  static final String TX_BYTES = "weft_dataplane_tx_bytes_total";
  static final String ERRORS = "weft_dataplane_port_errors_total";
  static final String DROPS = "weft_dataplane_drops_total";
  static final String CACHE_HITS = "weft_dataplane_flow_cache_hits_total";
  static final String CACHE_MISSES = "weft_dataplane_flow_cache_misses_total";

  private PrometheusText() {}

  public static String render(DataplaneStats stats) {
    StringBuilder out = new StringBuilder();
    List<PortStats> ports = stats.ports();
    family(out, RX_PACKETS, "Packets received on a dataplane port (a pod's TAP or an underlay socket).");
    ports.forEach(p -> sample(out, RX_PACKETS, stats.host(), p, Map.of(), p.rxPackets()));
    family(out, RX_BYTES, "Bytes received on a dataplane port.");
    ports.forEach(p -> sample(out, RX_BYTES, stats.host(), p, Map.of(), p.rxBytes()));
    family(out, TX_PACKETS, "Packets sent from a dataplane port.");
    ports.forEach(p -> sample(out, TX_PACKETS, stats.host(), p, Map.of(), p.txPackets()));
    family(out, TX_BYTES, "Bytes sent from a dataplane port.");
    ports.forEach(p -> sample(out, TX_BYTES, stats.host(), p, Map.of(), p.txBytes()));
    family(out, ERRORS, "Reads and writes the kernel refused on a dataplane port.");
    ports.forEach(p -> sample(out, ERRORS, stats.host(), p, Map.of(), p.errors()));
    family(out, DROPS, "Frames that entered by a port and were dropped inside the dataplane, by reason.");
    for (PortStats p : ports) {
      p.drops().forEach((reason, n) -> sample(out, DROPS, stats.host(), p, Map.of("reason", label(reason)), n));
    }
    family(out, CACHE_HITS, "Policy verdicts answered by the flow cache.");
    out.append(CACHE_HITS).append("{host=\"").append(escape(stats.host())).append("\"} ").append(stats.flowCacheHits()).append('\n');
    family(out, CACHE_MISSES, "Policy verdicts that walked the chains.");
    out.append(CACHE_MISSES).append("{host=\"").append(escape(stats.host())).append("\"} ").append(stats.flowCacheMisses()).append('\n');
    return out.toString();
  }

  /** The label value of a drop reason: its name in lower case ({@code no_route}, {@code policy}, ...). */
  public static String label(DropReason reason) {
    return reason.name().toLowerCase(Locale.ROOT);
  }

  private static void family(StringBuilder out, String name, String help) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(" counter\n");
  }

  private static void sample(StringBuilder out, String name, String host, PortStats p, Map<String, String> extra, long value) {
    out.append(name).append("{host=\"").append(escape(host)).append("\",port=\"").append(escape(p.port()))
        .append("\",kind=\"").append(escape(p.kind())).append('"');
    extra.forEach((k, v) -> out.append(',').append(k).append("=\"").append(escape(v)).append('"'));
    out.append("} ").append(value).append('\n');
  }

  /** Label values escape backslash, double quote and line feed. */
  static String escape(String value) {
    StringBuilder sb = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '"' -> sb.append("\\\"");
        case '\n' -> sb.append("\\n");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
