package dev.weft.netfilter.verify;

import dev.weft.model.netfilter.ConnState;
import dev.weft.model.netfilter.Hook;
import dev.weft.model.value.IpAddress;
import dev.weft.netfilter.pipeline.PacketPath;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.List;

/**
 * One {@code weft verify chains} question.
 *
 * @param dump the iptables-save file
 * @param ipsets an {@code ipset save} file for the sets the rules test (without it those rules are UNKNOWN)
 * @param protocol tcp, udp, sctp, icmp, or a number
 * @param sport source port (default 32768 for protocols with ports)
 * @param dport destination port (required for tcp, udp and sctp); the ICMP type for icmp (default 8)
 * @param in input interface, if the packet arrives on one
 * @param out output interface, if it leaves on one
 * @param hook run just this hook (every table registered there) instead of a whole path
 * @param path the path through the namespace; inferred when absent (in and out: FORWARD, in only or a
 *     local destination: LOCAL_IN, out only or a local source: LOCAL_OUT)
 * @param state trace as this conntrack state instead of a new connection's first packet
 * @param mark the packet mark on arrival
 * @param local the node's own addresses, each optionally on a named interface (for -m addrtype, and for
 *     MASQUERADE, which needs the output interface's address); the path adds the obvious ones
 */
public record ChainsQuery(Path dump, Optional<Path> ipsets, IpAddress from, IpAddress to, String protocol,
    OptionalInt sport, OptionalInt dport, Optional<String> in, Optional<String> out, Optional<Hook> hook,
    Optional<PacketPath> path, Optional<ConnState> state, long mark, List<LocalAddress> local) {

  public ChainsQuery {
    local = List.copyOf(local);
  }

  /** The minimal question: a TCP packet from one address to another port. */
  public static ChainsQuery tcp(Path dump, IpAddress from, IpAddress to, int dport) {
    return new ChainsQuery(dump, Optional.empty(), from, to, "tcp", OptionalInt.empty(), OptionalInt.of(dport),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0, List.of());
  }

  /** An address of the node, on a named interface or not: {@code 10.0.0.1} or {@code eth0=10.0.0.1}. */
  public record LocalAddress(Optional<String> iface, IpAddress address) {
    public static LocalAddress parse(String text) {
      int eq = text.indexOf('=');
      return eq < 0 ? new LocalAddress(Optional.empty(), IpAddress.parse(text))
          : new LocalAddress(Optional.of(text.substring(0, eq)), IpAddress.parse(text.substring(eq + 1)));
    }
  }

  public ChainsQuery withLocal(List<LocalAddress> addresses) {
    return new ChainsQuery(dump, ipsets, from, to, protocol, sport, dport, in, out, hook, path, state, mark, addresses);
  }

  public ChainsQuery withInterfaces(Optional<String> newIn, Optional<String> newOut) {
    return new ChainsQuery(dump, ipsets, from, to, protocol, sport, dport, newIn, newOut, hook, path, state, mark, local);
  }

  public ChainsQuery withIpsets(Path file) {
    return new ChainsQuery(dump, Optional.of(file), from, to, protocol, sport, dport, in, out, hook, path, state, mark, local);
  }

  public ChainsQuery withHook(Hook h) {
    return new ChainsQuery(dump, ipsets, from, to, protocol, sport, dport, in, out, Optional.of(h), path, state, mark, local);
  }

  public ChainsQuery withState(ConnState s) {
    return new ChainsQuery(dump, ipsets, from, to, protocol, sport, dport, in, out, hook, path, Optional.of(s), mark, local);
  }
}
