package dev.weft.sim.reach;

import dev.weft.engine.hook.PacketContext;
import dev.weft.model.value.IpAddress;

/**
 * The fields of a packet the fast path follows: what routing, netfilter and MTU checks read. No bytes.
 *
 * @param icmpType -1 unless ICMP
 */
record Flow(IpAddress source, IpAddress destination, int protocol, int sourcePort, int destinationPort, int icmpType,
    int size, boolean dontFragment, int ttl) {

  Flow withSource(IpAddress s) {
    return new Flow(s, destination, protocol, sourcePort, destinationPort, icmpType, size, dontFragment, ttl);
  }

  Flow withTtl(int t) {
    return new Flow(source, destination, protocol, sourcePort, destinationPort, icmpType, size, dontFragment, t);
  }

  Flow withSize(int s) {
    return new Flow(source, destination, protocol, sourcePort, destinationPort, icmpType, s, dontFragment, ttl);
  }

  Flow rewritten(IpAddress src, IpAddress dst, int sport, int dport) {
    return new Flow(src, dst, protocol, sport, dport, icmpType, size, dontFragment, ttl);
  }

  /** The flow without its TTL: what stays the same while a packet circles a loop. */
  Flow loopKey() {
    return withTtl(0);
  }

  static Flow of(PacketContext p, Flow f) {
    return f.rewritten(p.source(), p.destination(), p.sourcePort(), p.destinationPort());
  }
}
