package dev.weft.sim.run;

import dev.weft.engine.packet.Icmpv4Header;
import dev.weft.engine.packet.Icmpv6Header;
import dev.weft.engine.packet.IpHeader;
import dev.weft.engine.packet.IpProtocol;
import dev.weft.engine.packet.Ipv4Header;
import dev.weft.engine.packet.Ipv6Header;
import dev.weft.engine.packet.PacketWriter;
import dev.weft.engine.packet.TcpHeader;
import dev.weft.engine.packet.TransportHeader;
import dev.weft.engine.packet.UdpHeader;
import dev.weft.model.value.IpAddress;
import dev.weft.sim.TraceRequest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Builds the packet a trace starts with: TTL 64, IP identification 1, a TCP SYN, a UDP datagram or an
 * ICMP echo request (identifier = source port), zero-filled to the requested size.
 */
public final class PacketFactory {
  public static final int INITIAL_TTL = 64;

  private PacketFactory() {}

  public static ByteBuf build(ByteBufAllocator alloc, IpAddress source, IpAddress destination, TraceRequest r) {
    boolean v4 = destination.isIpv4();
    TransportHeader l4 = switch (r.protocol()) {
      case TCP -> TcpHeader.syn(r.sourcePort(), r.destinationPort());
      case UDP -> new UdpHeader(r.sourcePort(), r.destinationPort(), UdpHeader.LENGTH);
      case ICMP -> v4 ? Icmpv4Header.echoRequest(r.sourcePort(), 1) : Icmpv6Header.echoRequest(r.sourcePort(), 1);
    };
    int ipHeader = v4 ? Ipv4Header.LENGTH : Ipv6Header.LENGTH;
    int payload = Math.max(0, r.size() - ipHeader - l4.length());
    IpHeader ip = v4
        ? new Ipv4Header(0, Ipv4Header.LENGTH, 1, r.dontFragment(), false, 0, INITIAL_TTL, l4.protocol(), source, destination)
        : new Ipv6Header(0, 0, 0, l4.protocol() == IpProtocol.ICMP ? IpProtocol.ICMPV6 : l4.protocol(), INITIAL_TTL, source, destination);
    ByteBuf data = alloc.buffer(payload).writeZero(payload);
    ByteBuf out = alloc.buffer(ipHeader + l4.length() + payload);
    try {
      PacketWriter.writeIp(out, ip, l4, data);
      return out;
    } finally {
      data.release();
    }
  }
}
