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
 * and every length must agree with the frame, so a malformed frame simply has no transport.
 *
 * @param offset the transport header's offset from the frame's reader index
 * @param length the transport header plus payload
 * @param checksumOffset where the checksum field is, from the frame's reader index
 * @param pseudo the unfolded pseudo-header sum
 */
public record Transport(int protocol, int offset, int length, int checksumOffset, long pseudo) {
  private static final int TCP_HEADER = 20;
  private static final int UDP_HEADER = 8;

  public static Optional<Transport> of(ByteBuf frame) {
    int at = frame.readerIndex();
    int size = frame.readableBytes();
    if (size < EthernetHeader.LENGTH + 20) {
      return Optional.empty();
    }
    int type = frame.getUnsignedShort(at + 12);
    int ip = at + EthernetHeader.LENGTH;
    if (type == EtherType.IPV4) {
      int ihl = (frame.getUnsignedByte(ip) & 0x0f) * 4;
      int total = frame.getUnsignedShort(ip + 2);
      boolean fragment = (frame.getUnsignedShort(ip + 6) & 0x3fff) != 0;
      if ((frame.getUnsignedByte(ip) >>> 4) != 4 || ihl < 20 || fragment || total < ihl
          || EthernetHeader.LENGTH + total > size) {
        return Optional.empty();
      }
      long pseudo = frame.getUnsignedInt(ip + 12) + frame.getUnsignedInt(ip + 16);
      return of(frame.getUnsignedByte(ip + 9), EthernetHeader.LENGTH + ihl, total - ihl, pseudo);
    }
    if (type == EtherType.IPV6 && size >= EthernetHeader.LENGTH + 40 && (frame.getUnsignedByte(ip) >>> 4) == 6) {
      int payload = frame.getUnsignedShort(ip + 4);
      if (EthernetHeader.LENGTH + 40 + payload > size) {
        return Optional.empty();
      }
      long pseudo = InternetChecksum.add(0, frame, ip + 8, 32);
      return of(frame.getUnsignedByte(ip + 6), EthernetHeader.LENGTH + 40, payload, pseudo);
    }
    return Optional.empty();
  }

  private static Optional<Transport> of(int protocol, int offset, int length, long addresses) {
    long pseudo = addresses + protocol + length;
    return switch (protocol) {
      case IpProtocol.TCP -> length >= TCP_HEADER
          ? Optional.of(new Transport(protocol, offset, length, offset + 16, pseudo)) : Optional.empty();
      case IpProtocol.UDP -> length >= UDP_HEADER
          ? Optional.of(new Transport(protocol, offset, length, offset + 6, pseudo)) : Optional.empty();
      default -> Optional.empty();
    };
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
