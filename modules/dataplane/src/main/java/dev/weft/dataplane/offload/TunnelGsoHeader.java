package dev.weft.dataplane.offload;

import dev.weft.engine.packet.Ipv4Header;
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
  public static final int OUTER = 14 + Ipv4Header.LENGTH + 8;
  public static final int LENGTH = VNET + OUTER;
  /** The most a tunnel payload can be: an IPv4 packet's 65,535 bytes less the outer IPv4 and UDP headers. */
  public static final int MAX_PAYLOAD = 65_535 - Ipv4Header.LENGTH - 8;
  static final int F_NEEDS_CSUM = 1;
  static final int GSO_TCPV4 = 1;
  static final int GSO_UDP_TUNNEL_IPV4 = 0x20;
  private static final int TTL = 64;
  private static final int DONT_FRAGMENT = 0x4000;

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

  /** The outer addresses: MACs as 48-bit values, IPv4 addresses as 32-bit values. */
  public record Outer(long destinationMac, long sourceMac, int source, int destination, int sourcePort, int destinationPort) {}

  /**
   * Writes the {@value #LENGTH} bytes for a tunnel payload of {@code payloadLength} bytes holding a batch
   * of {@code gsoSize}-byte TCP segments over IPv4, with outer IP id {@code ipId}.
   */
  public static void write(ByteBuf out, Outer outer, Inner inner, int payloadLength, int gsoSize, int ipId) {
    if (payloadLength > MAX_PAYLOAD || payloadLength < inner.transport() + inner.tcpHeader() || gsoSize <= 0) {
      throw new IllegalArgumentException("a " + payloadLength + "-byte tunnel payload of " + gsoSize + "-byte segments");
    }
    int csumStart = OUTER + inner.transport();
    out.writeByte(F_NEEDS_CSUM)
        .writeByte(GSO_TCPV4 | GSO_UDP_TUNNEL_IPV4)
        .writeShortLE(csumStart + inner.tcpHeader())
        .writeShortLE(gsoSize)
        .writeShortLE(csumStart)
        .writeShortLE(16)
        .writeShortLE(0) // num_buffers
        .writeLong(0) // hash value, report and padding
        .writeShortLE(14 + Ipv4Header.LENGTH)
        .writeShortLE(OUTER + inner.network());
    writeMac(out, outer.destinationMac());
    writeMac(out, outer.sourceMac());
    out.writeShort(0x0800);
    int ip = out.writerIndex();
    out.writeByte(0x45).writeByte(0).writeShort(Ipv4Header.LENGTH + 8 + payloadLength).writeShort(ipId & 0xffff)
        .writeShort(DONT_FRAGMENT).writeByte(TTL).writeByte(17).writeShort(0).writeInt(outer.source())
        .writeInt(outer.destination());
    Ipv4Header.updateChecksum(out, ip);
    out.writeShort(outer.sourcePort()).writeShort(outer.destinationPort()).writeShort(8 + payloadLength).writeShort(0);
  }

  private static void writeMac(ByteBuf out, long mac) {
    out.writeShort((int) (mac >>> 32)).writeInt((int) mac);
  }
}
