package dev.weft.dataplane.offload;

import dev.weft.engine.packet.EtherType;
import dev.weft.engine.packet.EthernetHeader;
import dev.weft.engine.packet.InternetChecksum;
import dev.weft.engine.packet.IpProtocol;
import io.netty.buffer.ByteBuf;
import java.util.Optional;

/**
 * Where the TCP or UDP header of a frame's IP packet is, and the pseudo-header sum its checksum covers:
 * what checksum offload needs. Only whole packets qualify (not fragments, not IPv6 extension headers),
 * and every length must agree with the frame (a TCP header's data offset too), so a malformed frame
 * simply has no transport.
 *
 * @param ip the IP header's offset from the reader index (14 after Ethernet, 0 for a bare IP packet)
 * @param offset the transport header's offset from the frame's reader index
 * @param length the transport header plus payload
 * @param checksumOffset where the checksum field is, from the frame's reader index
 * @param pseudo the unfolded pseudo-header sum
 */
public record Transport(int protocol, int ip, int offset, int length, int checksumOffset, long pseudo) {
  private static final int TCP_HEADER = 20;
  private static final int UDP_HEADER = 8;

  /** The transport of an Ethernet frame at the buffer's reader index. */
  public static Optional<Transport> of(ByteBuf frame) {
    int at = frame.readerIndex();
    if (frame.readableBytes() < EthernetHeader.LENGTH + 20) {
      return Optional.empty();
    }
    int type = frame.getUnsignedShort(at + 12);
    int version = frame.getUnsignedByte(at + EthernetHeader.LENGTH) >>> 4;
    if ((type == EtherType.IPV4 && version == 4) || (type == EtherType.IPV6 && version == 6)) {
      return at(frame, EthernetHeader.LENGTH);
    }
    return Optional.empty();
  }

  /** The transport of a bare IP packet (no link header) at the buffer's reader index. */
  public static Optional<Transport> ofPacket(ByteBuf packet) {
    return at(packet, 0);
  }

  private static Optional<Transport> at(ByteBuf buf, int ipOffset) {
    int ip = buf.readerIndex() + ipOffset;
    int size = buf.readableBytes() - ipOffset;
    if (size < 20) {
      return Optional.empty();
    }
    int version = buf.getUnsignedByte(ip) >>> 4;
    if (version == 4) {
      int ihl = (buf.getUnsignedByte(ip) & 0x0f) * 4;
      int total = buf.getUnsignedShort(ip + 2);
      boolean fragment = (buf.getUnsignedShort(ip + 6) & 0x3fff) != 0;
      if (ihl < 20 || fragment || total < ihl || total > size) {
        return Optional.empty();
      }
      long pseudo = buf.getUnsignedInt(ip + 12) + buf.getUnsignedInt(ip + 16);
      return of(buf, buf.getUnsignedByte(ip + 9), ipOffset, ipOffset + ihl, total - ihl, pseudo);
    }
    if (version == 6 && size >= 40) {
      int payload = buf.getUnsignedShort(ip + 4);
      if (40 + payload > size) {
        return Optional.empty();
      }
      long pseudo = InternetChecksum.add(0, buf, ip + 8, 32);
      return of(buf, buf.getUnsignedByte(ip + 6), ipOffset, ipOffset + 40, payload, pseudo);
    }
    return Optional.empty();
  }

  private static Optional<Transport> of(ByteBuf buf, int protocol, int ip, int offset, int length, long addresses) {
    long pseudo = addresses + protocol + length;
    return switch (protocol) {
      case IpProtocol.TCP -> length >= TCP_HEADER && dataOffsetFits(buf, offset, length)
          ? Optional.of(new Transport(protocol, ip, offset, length, offset + 16, pseudo)) : Optional.empty();
      case IpProtocol.UDP -> length >= UDP_HEADER
          ? Optional.of(new Transport(protocol, ip, offset, length, offset + 6, pseudo)) : Optional.empty();
      default -> Optional.empty();
    };
  }

  private static boolean dataOffsetFits(ByteBuf buf, int offset, int length) {
    int header = (buf.getUnsignedByte(buf.readerIndex() + offset + 12) >>> 4) * 4;
    return header >= TCP_HEADER && header <= length;
  }

  /** Whether the IP packet is IPv4. */
  public boolean ipv4(ByteBuf buf) {
    return (buf.getUnsignedByte(buf.readerIndex() + ip) >>> 4) == 4;
  }

  /** The TCP header's length (its data offset), for a TCP transport. */
  public int tcpHeaderLength(ByteBuf buf) {
    return (buf.getUnsignedByte(buf.readerIndex() + offset + 12) >>> 4) * 4;
  }

  /** The TCP payload's length, for a TCP transport. */
  public int tcpPayload(ByteBuf buf) {
    return length - tcpHeaderLength(buf);
  }

  /** Whether this is TCP carrying more than one segment of {@code gsoSize} bytes: a batch to cut. */
  public boolean tcpBatch(ByteBuf buf, int gsoSize) {
    return protocol == IpProtocol.TCP && gsoSize > 0 && tcpPayload(buf) > gsoSize;
  }

  /** The pseudo-header sum of a packet of the same flow whose transport header and payload are {@code length} bytes. */
  public long pseudoFor(int length) {
    return pseudo - this.length + length;
  }

  /** The pseudo-header sum folded to 16 bits, not complemented: what a kernel leaves in a partial checksum. */
  public int foldedPseudo() {
    return ~InternetChecksum.finish(pseudo) & 0xffff;
  }

  /**
   * Whether the checksum field holds only the pseudo-header sum: the packet left a kernel with checksum
   * offload (CHECKSUM_PARTIAL) and no device has completed it, as happens across a veth.
   */
  public boolean partial(ByteBuf frame) {
    int field = frame.getUnsignedShort(frame.readerIndex() + checksumOffset);
    int folded = foldedPseudo();
    return field == folded || (folded == 0xffff && field == 0 && protocol == IpProtocol.TCP);
  }

  /** Whether the checksum field holds the full checksum and the segment sums to it. */
  public boolean verifies(ByteBuf frame) {
    return InternetChecksum.verifies(Checksums.add(pseudo, frame, frame.readerIndex() + offset, length));
  }

  /** Computes and stores the full checksum. */
  public void complete(ByteBuf frame) {
    int at = frame.readerIndex();
    frame.setShort(at + checksumOffset, 0);
    int sum = InternetChecksum.finish(Checksums.add(pseudo, frame, at + offset, length));
    frame.setShort(at + checksumOffset, sum == 0 && protocol == IpProtocol.UDP ? 0xffff : sum);
  }
}
