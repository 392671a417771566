package dev.weft.lab.plan;

import dev.weft.linux.sysctl.SysctlKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The sysctls a lab sets in each of its namespaces. {@code ip_forward} comes from the model; the rest
 * pin kernel behaviour the simulator does not model, because a new namespace inherits the IPv4
 * {@code conf/all} and {@code conf/default} values of the host's own namespace, which differ between
 * machines:
 *
 * <ul>
 *   <li>reverse-path filtering off (the model has no rp_filter; with it, asymmetric routes drop);
 *   <li>ICMP redirects neither sent nor accepted (an accepted redirect would reroute later packets);
 *   <li>ARP answered for any local address on any interface, no proxy ARP (Linux's defaults);
 *   <li>br_netfilter off: bridged frames do not traverse iptables (the simulator's bridges never ask
 *       netfilter). These keys exist only while br_netfilter is loaded, so they are optional;
 *   <li>ping sockets allowed for every group, for {@code weft probe}'s ICMP echo.
 * </ul>
 *
 * The {@code default} values are written right after the namespace is made, before any link, so every
 * link inherits them.
 */
public final class LabSysctls {
  private static final Set<SysctlKey> OPTIONAL = Set.of(
      key("net.bridge.bridge-nf-call-iptables"), key("net.bridge.bridge-nf-call-ip6tables"),
      key("net.bridge.bridge-nf-call-arptables"));

  private LabSysctls() {}

  public static Map<SysctlKey, String> forNamespace(boolean forward) {
    Map<SysctlKey, String> m = new LinkedHashMap<>();
    String f = forward ? "1" : "0";
    m.put(key("net.ipv4.ip_forward"), f);
    m.put(key("net.ipv6.conf.all.forwarding"), f);
    for (String scope : new String[] {"all", "default"}) {
      for (String k : new String[] {"rp_filter", "accept_redirects", "send_redirects", "arp_ignore", "arp_filter",
          "proxy_arp"}) {
        m.put(key("net.ipv4.conf." + scope + "." + k), "0");
      }
      m.put(key("net.ipv6.conf." + scope + ".accept_redirects"), "0");
    }
    m.put(key("net.ipv4.ping_group_range"), "0 2147483647");
    OPTIONAL.forEach(k -> m.put(k, "0"));
    return m;
  }

  /** Keys that may be missing from a kernel (then nothing is written). */
  public static boolean optional(SysctlKey key) {
    return OPTIONAL.contains(key);
  }

  /** A value as read back, with runs of whitespace made one space ("0\t2147483647" → "0 2147483647"). */
  public static String normalize(String value) {
    return value.strip().replaceAll("\\s+", " ");
  }

  private static SysctlKey key(String text) {
    return SysctlKey.parse(text);
  }
}
