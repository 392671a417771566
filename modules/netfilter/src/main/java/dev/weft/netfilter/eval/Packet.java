package dev.weft.netfilter.eval;

import dev.weft.model.netfilter.IpProtocol;
import dev.weft.model.value.IpAddress;

/** The IPv4 header fields rules match on and NAT rewrites. */
public record Packet(IpAddress src, IpAddress dst, int protocol, L4 l4) {

  public Packet {
    if (!src.isIpv4() || !dst.isIpv4()) {
      throw new IllegalArgumentException("iptables rule sets are IPv4: " + src + " -> " + dst);
    }
    if (protocol < 0 || protocol > 255) {
      throw new IllegalArgumentException("protocol must be 0..255: " + protocol);
    }
    boolean ports = protocol > 0 && new IpProtocol(protocol).hasPorts();
    if (ports != (l4 instanceof L4.Ports) || (protocol == 1) != (l4 instanceof L4.Icmp)) {
      throw new IllegalArgumentException("protocol " + protocol + " does not go with " + l4);
    }
  }

  public static Packet tcp(IpAddress src, int srcPort, IpAddress dst, int dstPort) {
    return new Packet(src, dst, 6, new L4.Ports(srcPort, dstPort));
  }

  public static Packet udp(IpAddress src, int srcPort, IpAddress dst, int dstPort) {
    return new Packet(src, dst, 17, new L4.Ports(srcPort, dstPort));
  }

  public static Packet sctp(IpAddress src, int srcPort, IpAddress dst, int dstPort) {
    return new Packet(src, dst, 132, new L4.Ports(srcPort, dstPort));
  }

  public static Packet icmp(IpAddress src, IpAddress dst, int type, int code) {
    return new Packet(src, dst, 1, new L4.Icmp(type, code));
  }

  /** The source port, or -1 when the protocol has none. */
  public int srcPort() {
    return l4 instanceof L4.Ports p ? p.src() : -1;
  }

  /** The destination port, or -1 when the protocol has none. */
  public int dstPort() {
    return l4 instanceof L4.Ports p ? p.dst() : -1;
  }

  public Packet withSource(IpAddress address, int port) {
    return new Packet(address, dst, protocol, l4 instanceof L4.Ports p && port >= 0 ? new L4.Ports(port, p.dst()) : l4);
  }

  public Packet withDestination(IpAddress address, int port) {
    return new Packet(src, address, protocol, l4 instanceof L4.Ports p && port >= 0 ? new L4.Ports(p.src(), port) : l4);
  }

  /** The reply's header: addresses and ports swapped. */
  public Packet reversed() {
    return new Packet(dst, src, protocol, l4 instanceof L4.Ports p ? new L4.Ports(p.dst(), p.src()) : l4);
  }

  @Override
  public String toString() {
    String proto = protocol == 0 ? "ip" : new IpProtocol(protocol).toString();
    return switch (l4) {
      case L4.Ports p -> proto + " " + src + ":" + p.src() + " -> " + dst + ":" + p.dst();
      case L4.Icmp i -> proto + " " + src + " -> " + dst + " type " + i.type() + "/" + i.code();
      case L4.None n -> proto + " " + src + " -> " + dst;
    };
  }
}
