package dev.weft.dataplane.offload;

import dev.weft.engine.packet.InternetChecksum;
import dev.weft.engine.packet.IpProtocol;
import dev.weft.engine.packet.Ipv4Header;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.ArrayList;
import java.util.List;

/**
 * TCP segmentation offload done in userspace: a frame holding one TCP segment larger than the link can
 * carry becomes frames of at most {@code mss} payload bytes each, exactly as a NIC (or the kernel's GSO)
 * would cut it: headers copied, sequence numbers advanced, IPv4 ids counted up, FIN and PSH kept for
 * the last piece and CWR for the first, and every IP and TCP checksum computed in full.
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
    if (transport.protocol() != IpProtocol.TCP || mss <= 0) {
      throw new IllegalArgumentException("not a TCP segment, or MSS " + mss);
    }
    int at = frame.readerIndex();
    int tcpHeader = (frame.getUnsignedByte(at + transport.offset() + 12) >>> 4) * 4;
    int headers = transport.offset() + tcpHeader;
    int payload = transport.length() - tcpHeader;
    if (tcpHeader < 20 || payload < 0) {
      throw new IllegalArgumentException("TCP data offset " + tcpHeader + " does not fit the segment");
    }
    boolean v4 = (frame.getUnsignedByte(at + 14) >>> 4) == 4;
    int ipHeader = transport.offset() - 14;
    long seq = frame.getUnsignedInt(at + transport.offset() + 4);
    int flags = frame.getUnsignedByte(at + transport.offset() + 13);
    int id = v4 ? frame.getUnsignedShort(at + 14 + 4) : 0;
    int pieces = Math.max(1, (payload + mss - 1) / mss);
    List<ByteBuf> out = new ArrayList<>(pieces);
    for (int i = 0; i < pieces; i++) {
      int from = i * mss;
      int n = Math.min(mss, payload - from);
      ByteBuf s = alloc.buffer(headers + n);
      s.writeBytes(frame, at, headers).writeBytes(frame, at + headers + from, n);
      int tcp = transport.offset();
      int segmentFlags = flags & ~((i < pieces - 1 ? FIN | PSH : 0) | (i > 0 ? CWR : 0));
      s.setInt(tcp + 4, (int) (seq + from));
      s.setByte(tcp + 13, segmentFlags);
      if (v4) {
        s.setShort(14 + 2, ipHeader + tcpHeader + n);
        s.setShort(14 + 4, (id + i) & 0xffff);
        Ipv4Header.updateChecksum(s, 14);
      } else {
        s.setShort(14 + 4, tcpHeader + n);
      }
      long pseudo = transport.pseudo() - transport.length() + tcpHeader + n;
      s.setShort(tcp + 16, 0);
      s.setShort(tcp + 16, InternetChecksum.finish(Checksums.add(pseudo, s, tcp, tcpHeader + n)));
      out.add(s);
    }
    return out;
  }
}
