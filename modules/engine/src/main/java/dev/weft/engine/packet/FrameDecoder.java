package dev.weft.engine.packet;

import dev.weft.model.value.IpAddress;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Decodes a whole frame or packet into its headers, through VXLAN and GRE into the inner frame, and
 * verifies every checksum on the way. The buffer is not modified. Quoted packets inside ICMP errors and
 * non-first fragments are left as payload; the transport checksum of a first fragment cannot be verified
 * without the rest of the datagram, so it is not.
 */
public final class FrameDecoder {
  /** The IANA VXLAN port and the Linux (and flannel) default. */
  public static final Set<Integer> DEFAULT_VXLAN_PORTS = Set.of(4789, 8472);

  private final Set<Integer> vxlanPorts;

  public FrameDecoder(Set<Integer> vxlanPorts) {
    this.vxlanPorts = Set.copyOf(vxlanPorts);
  }

  public static FrameDecoder standard() {
    return new FrameDecoder(DEFAULT_VXLAN_PORTS);
  }

  /** Decodes from an Ethernet header. */
  public DecodedFrame decodeFrame(ByteBuf frame) {
    List<Header> out = new ArrayList<>();
    ByteBuf in = frame.duplicate();
    ethernet(in, out);
    return new DecodedFrame(out, in.readableBytes());
  }

  /** Decodes from an IP header. */
  public DecodedFrame decodePacket(ByteBuf packet) {
    List<Header> out = new ArrayList<>();
    ByteBuf in = packet.duplicate();
    int version = in.readableBytes() > 0 ? in.getUnsignedByte(in.readerIndex()) >>> 4 : 0;
    if (version == 6) {
      ipv6(in, out);
    } else {
      ipv4(in, out);
    }
    return new DecodedFrame(out, in.readableBytes());
  }

  private void ethernet(ByteBuf in, List<Header> out) {
    EthernetHeader eth = EthernetHeader.decode(in);
    out.add(eth);
    switch (eth.etherType()) {
      case EtherType.ARP -> out.add(ArpPacket.decode(in));
      case EtherType.IPV4 -> ipv4(in, out);
      case EtherType.IPV6 -> ipv6(in, out);
      default -> { }
    }
  }

  private void ipv4(ByteBuf in, List<Header> out) {
    Ipv4Header ip = Ipv4Header.decode(in);
    out.add(ip);
    in.writerIndex(in.readerIndex() + ip.payloadLength()); // drop Ethernet padding
    if (ip.fragmentOffset() != 0) {
      return;
    }
    transport(in, out, ip.protocol(), ip.source(), ip.destination(), !ip.moreFragments());
  }

  private void ipv6(ByteBuf in, List<Header> out) {
    Ipv6Header ip = Ipv6Header.decode(in);
    out.add(ip);
    in.writerIndex(in.readerIndex() + ip.payloadLength());
    transport(in, out, ip.nextHeader(), ip.source(), ip.destination(), true);
  }

  private void transport(ByteBuf in, List<Header> out, int protocol, IpAddress src, IpAddress dst, boolean whole) {
    int start = in.readerIndex();
    int length = in.readableBytes();
    switch (protocol) {
      case IpProtocol.TCP -> {
        out.add(TcpHeader.decode(in));
        verify(whole, pseudo(src, dst, protocol, length), in, start, length, "TCP");
      }
      case IpProtocol.UDP -> udp(in, out, src, dst, whole, start, length);
      case IpProtocol.ICMP -> {
        out.add(Icmpv4Header.decode(in));
        verify(whole, 0, in, start, length, "ICMP");
      }
      case IpProtocol.ICMPV6 -> icmpv6(in, out, src, dst, start, length);
      case IpProtocol.GRE -> gre(in, out, start, length);
      default -> { }
    }
  }

  private void udp(ByteBuf in, List<Header> out, IpAddress src, IpAddress dst, boolean whole, int start, int length) {
    UdpHeader udp = UdpHeader.decode(in, whole);
    out.add(udp);
    boolean noChecksum = src.isIpv4() && in.getUnsignedShort(start + 6) == 0;
    if (!noChecksum) {
      verify(whole, pseudo(src, dst, IpProtocol.UDP, udp.datagramLength()), in, start, udp.datagramLength(), "UDP");
    }
    if (whole && vxlanPorts.contains(udp.destinationPort())) {
      in.writerIndex(start + udp.datagramLength());
      out.add(VxlanHeader.decode(in));
      ethernet(in, out);
    }
  }

  private void icmpv6(ByteBuf in, List<Header> out, IpAddress src, IpAddress dst, int start, int length) {
    Icmpv6Header h = Icmpv6Header.decode(in);
    out.add(h);
    verify(true, pseudo(src, dst, IpProtocol.ICMPV6, length), in, start, length, "ICMPv6");
    if (h.type() == Icmpv6Header.NEIGHBOR_SOLICITATION || h.type() == Icmpv6Header.NEIGHBOR_ADVERTISEMENT) {
      out.add(NdpMessage.decode(in, h.type() == Icmpv6Header.NEIGHBOR_SOLICITATION));
    }
  }

  private void gre(ByteBuf in, List<Header> out, int start, int length) {
    GreHeader gre = GreHeader.decode(in);
    out.add(gre);
    if (gre.checksumPresent()) {
      verify(true, 0, in, start, length, "GRE");
    }
    switch (gre.protocolType()) {
      case EtherType.TRANSPARENT_ETHERNET -> ethernet(in, out);
      case EtherType.IPV4 -> ipv4(in, out);
      case EtherType.IPV6 -> ipv6(in, out);
      default -> { }
    }
  }

  private static long pseudo(IpAddress src, IpAddress dst, int protocol, int length) {
    return InternetChecksum.pseudoHeader(src, dst, protocol, length);
  }

  private static void verify(boolean whole, long initial, ByteBuf in, int start, int length, String layer) {
    if (whole && !InternetChecksum.verifies(InternetChecksum.add(initial, in, start, length))) {
      throw new BadChecksumException(layer);
    }
  }
}
