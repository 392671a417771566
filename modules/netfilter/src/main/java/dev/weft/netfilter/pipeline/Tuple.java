package dev.weft.netfilter.pipeline;

import dev.weft.model.value.IpAddress;
import dev.weft.netfilter.eval.L4;
import dev.weft.netfilter.eval.Packet;

/**
 * A conntrack tuple: addresses, protocol and ports. ICMP has no ports here, so a request and its reply
 * map to the same connection (weft does not model ICMP ids).
 */
public record Tuple(IpAddress src, IpAddress dst, int protocol, int srcPort, int dstPort) {
  public static Tuple of(Packet p) {
    return p.l4() instanceof L4.Ports ports
        ? new Tuple(p.src(), p.dst(), p.protocol(), ports.src(), ports.dst())
        : new Tuple(p.src(), p.dst(), p.protocol(), -1, -1);
  }

  public Tuple reversed() {
    return new Tuple(dst, src, protocol, dstPort, srcPort);
  }

  @Override
  public String toString() {
    String proto = protocol == 0 ? "ip" : new dev.weft.model.netfilter.IpProtocol(protocol).toString();
    return proto + " " + new Endpoint(src, srcPort) + " -> " + new Endpoint(dst, dstPort);
  }
}
