package dev.weft.dataplane.offload;

import dev.weft.engine.packet.EtherType;
import dev.weft.engine.packet.EthernetHeader;
import dev.weft.engine.packet.IpProtocol;
import dev.weft.engine.packet.Ipv4Header;
import dev.weft.engine.packet.UdpHeader;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Mac;
import io.netty.buffer.ByteBuf;

/**
 * What goes before a UDP tunnel packet that carries a whole TCP segmentation batch, written to a TAP
 * opened for GSO over UDP tunnels: the 24-byte virtio-net header (v1 with the hash fields, zero, and
 * then the outer transport and inner network offsets) and the outer Ethernet, IPv4 and UDP headers. The
 * kernel keeps such a packet whole where it can (a veth, a NIC with the offload) and elsewhere cuts it
 * into tunnel datagrams of one {@code gsoSize} segment each, completing every inner TCP checksum from
 * the pseudo-header sum in the batch's checksum field. The outer UDP checksum is zero (RFC 7348 over
 * IPv4), so the kernel has none to do.
 */
public final class TunnelGsoHeader {
  /** sizeof(struct virtio_net_hdr_v1_hash_tunnel). */
  public static final int VNET = 24;
  /** Outer Ethernet, IPv4 and UDP headers. */
  public static final int OUTER = EthernetHeader.LENGTH + Ipv4Header.LENGTH + UdpHeader.LENGTH;
  public static final int LENGTH = VNET + OUTER;
  /** The most a tunnel payload can be: an IPv4 packet's 65,535 bytes less the outer IPv4 and UDP headers. */
  public static final int MAX_PAYLOAD = 65_535 - Ipv4Header.LENGTH - UdpHeader.LENGTH;
  /** The gso_type bit saying "inside a UDP tunnel over IPv4", beside the inner segment's type. */
  static final int GSO_UDP_TUNNEL_IPV4 = 0x20;

  private TunnelGsoHeader() {}

  /**
   * Where the batch's inner headers sit in the tunnel payload (the tunnel's own header, then the inner
   * frame): offsets of the inner IPv4 and TCP headers, and the TCP header's length.
   */
  public record Inner(int network, int transport, int tcpHeader) {
    public Inner {
      if (network < 0 || transport < network + Ipv4Header.LENGTH || tcpHeader < 20) {
        throw new IllegalArgumentException("inner headers at " + network + "/" + transport + " (" + tcpHeader + " bytes of TCP)");
      }
    }
  }

  /** The outer frame's addresses and ports (the IP addresses IPv4). */
  public record Outer(Mac destinationMac, Mac sourceMac, IpAddress source, IpAddress destination, int sourcePort,
      int destinationPort) {}

  /**
   * Writes the {@value #LENGTH} bytes for a tunnel payload of {@code payloadLength} bytes holding a batch
   * of {@code gsoSize}-byte TCP segments over IPv4, with outer IP id {@code ipId}.
   */
  public static void write(ByteBuf out, Outer outer, Inner inner, int payloadLength, int gsoSize, int ipId) {
    if (payloadLength > MAX_PAYLOAD || payloadLength < inner.transport() + inner.tcpHeader() || gsoSize <= 0) {
      throw new IllegalArgumentException("a " + payloadLength + "-byte tunnel payload of " + gsoSize + "-byte segments");
    }
    int csumStart = OUTER + inner.transport();
    new VnetHeader(VnetHeader.F_NEEDS_CSUM, VnetHeader.GSO_TCPV4 | GSO_UDP_TUNNEL_IPV4, csumStart + inner.tcpHeader(),
        gsoSize, csumStart, 16).write(out);
    out.writeShortLE(0) // num_buffers
        .writeLong(0) // hash value, report and padding
        .writeShortLE(EthernetHeader.LENGTH + Ipv4Header.LENGTH)
        .writeShortLE(OUTER + inner.network());
    new EthernetHeader(outer.destinationMac(), outer.sourceMac(), EtherType.IPV4).encode(out);
    Ipv4Header.of(outer.source(), outer.destination(), IpProtocol.UDP, Ipv4Header.LENGTH + UdpHeader.LENGTH + payloadLength,
        ipId & 0xffff, true).encode(out);
    new UdpHeader(outer.sourcePort(), outer.destinationPort(), UdpHeader.LENGTH + payloadLength).encode(out);
  }
}
