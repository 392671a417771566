package dev.weft.lab.probe;

import dev.weft.lab.LabName;
import dev.weft.linux.LinuxDriver;
import dev.weft.linux.netfilter.NftTable;
import dev.weft.linux.netns.NetnsName;
import dev.weft.linux.netns.NetnsRef;
import dev.weft.model.value.IpAddress;
import dev.weft.sim.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the kernel did with a probe, from nftrace: a table {@code weftprobe} in every lab namespace marks
 * the probe's packets (to or from the destination address, of the probe's protocol) at the first
 * prerouting and output hook, IP and bridge families alike, and {@code nft monitor trace} in each
 * namespace prints every chain, rule and verdict the marked packets meet, iptables' chains included
 * (iptables-nft rules are nft rules). Routing drops leave no line: a trace that stops says where.
 */
final class KernelTracer {
  private static final String TABLE = "weftprobe";
  private static final int MAX_LINES = 400;

  private final LinuxDriver driver;
  private final List<NetnsName> namespaces;

  KernelTracer(LinuxDriver driver, LabName lab, List<NetnsName> stacks) {
    this.driver = driver;
    List<NetnsName> all = new ArrayList<>(stacks);
    driver.namespaces().list().stream().filter(n -> n.value().startsWith(lab.value() + "--")).forEach(all::add);
    this.namespaces = List.copyOf(all);
  }

  /** Runs {@code probe} with tracing on; returns the trace lines, each prefixed by its namespace. */
  List<String> trace(Protocol protocol, IpAddress destination, Supplier<?> probe) {
    List<NamespaceProcess> monitors = new ArrayList<>();
    try {
      for (NetnsName n : namespaces) {
        monitors.add(new NamespaceProcess(n, List.of("nft", "monitor", "trace")));
      }
      sleep(300);
      for (NetnsName n : namespaces) {
        driver.netfilter().applyNft(NetnsRef.named(n), script(protocol, destination));
      }
      probe.get();
      sleep(300);
    } finally {
      for (NetnsName n : namespaces) {
        for (String family : List.of("inet", "bridge")) {
          try {
            driver.netfilter().deleteNftTable(NetnsRef.named(n), new NftTable(family, TABLE));
          } catch (RuntimeException ignored) {
            // the namespace may have no such table if applying failed
          }
        }
      }
      monitors.forEach(NamespaceProcess::close);
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < monitors.size(); i++) {
      for (String l : monitors.get(i).lines()) {
        if (l.startsWith("trace id") && out.size() < MAX_LINES) {
          out.add(namespaces.get(i) + ": " + l.substring(l.indexOf(' ', "trace id ".length()) + 1));
        }
      }
    }
    if (out.isEmpty()) {
      out.add("(nftrace saw no packet of the probe in any lab namespace: it never left the source's socket)");
    }
    return out;
  }

  static String script(Protocol protocol, IpAddress destination) {
    String ip = destination.isIpv4() ? "ip" : "ip6";
    String l4 = switch (protocol) {
      case TCP -> "tcp";
      case UDP -> "udp";
      case ICMP -> destination.isIpv4() ? "icmp" : "icmpv6";
    };
    String mark = "meta l4proto " + l4 + " " + ip + " daddr " + destination + " meta nftrace set 1; "
        + "meta l4proto " + l4 + " " + ip + " saddr " + destination + " meta nftrace set 1; ";
    StringBuilder sb = new StringBuilder();
    for (String family : List.of("inet", "bridge")) {
      sb.append("table ").append(family).append(' ').append(TABLE).append(" {\n");
      sb.append("  chain pre { type filter hook prerouting priority -350; policy accept; ").append(mark).append("}\n");
      sb.append("  chain out { type filter hook output priority -350; policy accept; ").append(mark).append("}\n");
      sb.append("}\n");
    }
    return sb.toString();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
