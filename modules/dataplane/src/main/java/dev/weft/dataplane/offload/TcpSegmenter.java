package dev.weft.dataplane.offload;

import dev.weft.engine.packet.InternetChecksum;
import dev.weft.engine.packet.IpProtocol;
import dev.weft.engine.packet.Ipv4Header;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.ArrayList;
import java.util.List;

/**
 * TCP segmentation offload done in userspace: a frame (or bare IP packet) holding one TCP segment larger
 * than the link can carry becomes pieces of at most {@code mss} payload bytes each, exactly as a NIC (or
 * the kernel's GSO) would cut it: headers copied, sequence numbers advanced, IPv4 ids counted up, FIN and
 * PSH kept for the last piece and CWR for the first, and every IP and TCP checksum computed in full.
 */
public final class TcpSegmenter {
  private static final int FIN = 0x01;
  private static final int PSH = 0x08;
  private static final int CWR = 0x80;

  private TcpSegmenter() {}

  /**
   * The pieces of {@code frame} (which is read, not released), or just a copy of it when its payload
   * already fits. {@code transport} must be the frame's TCP transport.
   */
  public static List<ByteBuf> segment(ByteBuf frame, Transport transport, int mss, ByteBufAllocator alloc) {
    int pieces = pieces(frame, transport, mss);
    int headers = transport.offset() + transport.tcpHeaderLength(frame);
    List<ByteBuf> out = new ArrayList<>(pieces);
    for (int i = 0; i < pieces; i++) {
      ByteBuf s = alloc.buffer(headers + mss);
      writePiece(frame, transport, mss, i, pieces, s);
      out.add(s);
    }
    return out;
  }

  /**
   * Writes every piece of {@code frame} into {@code out}, each after a copy of {@code prefix} (an
   * encapsulation header, read, not consumed): equal strides of {@code prefix + headers + mss} bytes, the
   * last one shorter, as UDP segmentation offload sends them. Returns the stride.
   */
  public static int segmentInto(ByteBuf frame, Transport transport, int mss, ByteBuf prefix, ByteBuf out) {
    int pieces = pieces(frame, transport, mss);
    for (int i = 0; i < pieces; i++) {
      out.writeBytes(prefix, prefix.readerIndex(), prefix.readableBytes());
      writePiece(frame, transport, mss, i, pieces, out);
    }
    return prefix.readableBytes() + transport.offset() + transport.tcpHeaderLength(frame) + mss;
  }

  /** How many pieces {@code frame} becomes; checks that it is a TCP segment that can be cut. */
  public static int pieces(ByteBuf frame, Transport transport, int mss) {
    if (transport.protocol() != IpProtocol.TCP || mss <= 0) {
      throw new IllegalArgumentException("not a TCP segment, or MSS " + mss);
    }
    int tcpHeader = transport.tcpHeaderLength(frame);
    int payload = transport.length() - tcpHeader;
    if (tcpHeader < 20 || payload < 0) {
      throw new IllegalArgumentException("TCP data offset " + tcpHeader + " does not fit the segment");
    }
    return Math.max(1, (payload + mss - 1) / mss);
  }

  /** Appends piece {@code i} of {@code pieces} to {@code s}, headers fixed up and checksums complete. */
  private static void writePiece(ByteBuf frame, Transport transport, int mss, int i, int pieces, ByteBuf s) {
    int at = frame.readerIndex();
    int tcpHeader = transport.tcpHeaderLength(frame);
    int headers = transport.offset() + tcpHeader;
    int payload = transport.length() - tcpHeader;
    int from = i * mss;
    int n = Math.min(mss, payload - from);
    int base = s.writerIndex();
    s.writeBytes(frame, at, headers).writeBytes(frame, at + headers + from, n);
    int ip = base + transport.ip();
    int tcp = base + transport.offset();
    int flags = frame.getUnsignedByte(at + transport.offset() + 13);
    long seq = frame.getUnsignedInt(at + transport.offset() + 4);
    s.setInt(tcp + 4, (int) (seq + from));
    s.setByte(tcp + 13, flags & ~((i < pieces - 1 ? FIN | PSH : 0) | (i > 0 ? CWR : 0)));
    if (transport.ipv4(frame)) {
      int id = frame.getUnsignedShort(at + transport.ip() + 4);
      s.setShort(ip + 2, transport.offset() - transport.ip() + tcpHeader + n);
      s.setShort(ip + 4, (id + i) & 0xffff);
      Ipv4Header.updateChecksum(s, ip);
    } else {
      s.setShort(ip + 4, tcpHeader + n);
    }
    long pseudo = transport.pseudo() - transport.length() + tcpHeader + n;
    s.setShort(tcp + 16, 0);
    s.setShort(tcp + 16, InternetChecksum.finish(Checksums.add(pseudo, s, tcp, tcpHeader + n)));
  }
}
