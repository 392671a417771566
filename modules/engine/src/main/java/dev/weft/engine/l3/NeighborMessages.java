package dev.weft.engine.l3;

import dev.weft.engine.packet.ArpPacket;
import dev.weft.engine.packet.EtherType;
import dev.weft.engine.packet.EthernetHeader;
import dev.weft.engine.packet.Icmpv6Header;
import dev.weft.engine.packet.IpProtocol;
import dev.weft.engine.packet.Ipv6Header;
import dev.weft.engine.packet.NdpMessage;
import dev.weft.engine.packet.PacketWriter;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Mac;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.Optional;

/** Builds the frames of neighbour resolution: ARP requests and replies, NDP solicitations and advertisements. */
final class NeighborMessages {
  /** NDP messages must arrive with hop limit 255, proving they were not routed (RFC 4861). */
  private static final int NDP_HOP_LIMIT = 255;

  private NeighborMessages() {}

  static ByteBuf arpRequest(ByteBufAllocator alloc, Mac mac, IpAddress source, IpAddress target) {
    return arp(alloc, Mac.BROADCAST, mac, ArpPacket.request(mac, source, target));
  }

  static ByteBuf arpReply(ByteBufAllocator alloc, ArpPacket request, Mac owner) {
    return arp(alloc, request.senderMac(), owner, request.replyFrom(owner));
  }

  private static ByteBuf arp(ByteBufAllocator alloc, Mac dst, Mac src, ArpPacket arp) {
    ByteBuf out = alloc.buffer(EthernetHeader.LENGTH + ArpPacket.LENGTH);
    new EthernetHeader(dst, src, EtherType.ARP).encode(out);
    arp.encode(out);
    return out;
  }

  static ByteBuf solicitation(ByteBufAllocator alloc, Mac mac, IpAddress source, IpAddress target) {
    IpAddress group = NdpMessage.solicitedNode(target);
    return ndp(alloc, NdpMessage.multicastMac(group), mac, source, group,
        new Icmpv6Header(Icmpv6Header.NEIGHBOR_SOLICITATION, 0, 0), new NdpMessage(true, target, Optional.of(mac)));
  }

  static ByteBuf advertisement(ByteBufAllocator alloc, Mac mac, IpAddress target, IpAddress to, Mac toMac) {
    return ndp(alloc, toMac, mac, target, to,
        new Icmpv6Header(Icmpv6Header.NEIGHBOR_ADVERTISEMENT, 0, Icmpv6Header.FLAG_SOLICITED | Icmpv6Header.FLAG_OVERRIDE),
        new NdpMessage(false, target, Optional.of(mac)));
  }

  private static ByteBuf ndp(ByteBufAllocator alloc, Mac dstMac, Mac srcMac, IpAddress src, IpAddress dst,
      Icmpv6Header icmp, NdpMessage body) {
    ByteBuf payload = alloc.buffer(body.length());
    ByteBuf out = alloc.buffer(EthernetHeader.LENGTH + Ipv6Header.LENGTH + Icmpv6Header.LENGTH + body.length());
    try {
      body.encode(payload);
      new EthernetHeader(dstMac, srcMac, EtherType.IPV6).encode(out);
      PacketWriter.writeIp(out, new Ipv6Header(0, 0, 0, IpProtocol.ICMPV6, NDP_HOP_LIMIT, src, dst), icmp, payload);
      return out;
    } finally {
      payload.release();
    }
  }

  /** An Ethernet frame around an IP packet; the packet is copied, not consumed. */
  static ByteBuf frame(ByteBufAllocator alloc, Mac dst, Mac src, ByteBuf ip) {
    int version = ip.getUnsignedByte(ip.readerIndex()) >>> 4;
    ByteBuf out = alloc.buffer(EthernetHeader.LENGTH + ip.readableBytes());
    new EthernetHeader(dst, src, version == 6 ? EtherType.IPV6 : EtherType.IPV4).encode(out);
    out.writeBytes(ip, ip.readerIndex(), ip.readableBytes());
    return out;
  }
}
