package dev.weft.dataplane.offload;

import dev.weft.engine.packet.InternetChecksum;
import dev.weft.engine.packet.IpProtocol;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * TCP segmentation offload done in userspace: a frame (or bare IP packet) holding one TCP segment larger
 * than the link can carry becomes pieces of at most {@code mss} payload bytes each, exactly as a NIC (or
 * the kernel's GSO) would cut it: headers copied, sequence numbers advanced, IPv4 ids counted up, FIN and
 * PSH kept for the last piece and CWR for the first, and every IP and TCP checksum computed in full. The
 * bytes move through memory segments over the buffers (one bounds check per buffer, not per access).
 */
public final class TcpSegmenter {
  private static final int FIN = 0x01;
  private static final int PSH = 0x08;
  private static final int CWR = 0x80;
  private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
  private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

  private TcpSegmenter() {}

  /**
   * The pieces of {@code frame} (which is read, not released), or just a copy of it when its payload
   * already fits; each piece is a buffer of its own. {@code transport} must be the frame's TCP transport.
   */
  public static List<ByteBuf> segment(ByteBuf frame, Transport transport, int mss, ByteBufAllocator alloc) {
    int pieces = pieces(frame, transport, mss);
    ByteBuf all = alloc.directBuffer(length(frame, transport, mss, 0, pieces));
    try {
      int stride = segmentInto(frame, transport, mss, Unpooled.EMPTY_BUFFER, all);
      List<ByteBuf> out = new ArrayList<>(pieces);
      for (int at = 0; at < all.writerIndex(); at += stride) {
        out.add(all.retainedSlice(at, Math.min(stride, all.writerIndex() - at)));
      }
      return out;
    } finally {
      all.release();
    }
  }

  /**
   * Writes every piece of {@code frame} into {@code out}, each after a copy of {@code prefix} (an
   * encapsulation header, read, not consumed): equal strides of {@code prefix + headers + mss} bytes, the
   * last one shorter, as UDP segmentation offload sends them. Returns the stride.
   */
  public static int segmentInto(ByteBuf frame, Transport transport, int mss, ByteBuf prefix, ByteBuf out) {
    int pieces = pieces(frame, transport, mss);
    int p = prefix.readableBytes();
    int tcpHeader = transport.tcpHeaderLength(frame);
    int headers = transport.offset() + tcpHeader;
    int payload = transport.tcpPayload(frame);
    int stride = p + headers + mss;
    int total = length(frame, transport, mss, p, pieces);
    out.ensureWritable(total);
    int base = out.writerIndex();
    MemorySegment dst = BufferViews.of(out, base, total);
    MemorySegment src = BufferViews.of(frame, frame.readerIndex(), headers + payload);
    MemorySegment pre = p == 0 ? MemorySegment.NULL : BufferViews.of(prefix, prefix.readerIndex(), p);
    int ip = transport.ip();
    int tcp = transport.offset();
    boolean v4 = transport.ipv4(frame);
    int flags = src.get(ValueLayout.JAVA_BYTE, tcp + 13) & 0xff;
    long seq = src.get(INT, tcp + 4) & 0xffff_ffffL;
    int id = v4 ? src.get(SHORT, ip + 4) & 0xffff : 0;
    for (int i = 0; i < pieces; i++) {
      int from = i * mss;
      int n = Math.min(mss, payload - from);
      long at = (long) i * stride;
      if (p > 0) {
        MemorySegment.copy(pre, 0, dst, at, p);
      }
      long piece = at + p;
      MemorySegment.copy(src, 0, dst, piece, headers);
      MemorySegment.copy(src, headers + from, dst, piece + headers, n);
      dst.set(INT, piece + tcp + 4, (int) (seq + from));
      dst.set(ValueLayout.JAVA_BYTE, piece + tcp + 13, (byte) (flags & ~((i < pieces - 1 ? FIN | PSH : 0) | (i > 0 ? CWR : 0))));
      if (v4) {
        dst.set(SHORT, piece + ip + 2, (short) (tcp - ip + tcpHeader + n));
        dst.set(SHORT, piece + ip + 4, (short) (id + i));
        dst.set(SHORT, piece + ip + 10, (short) 0);
        dst.set(SHORT, piece + ip + 10, (short) InternetChecksum.finish(Checksums.add(0, dst, piece + ip, tcp - ip)));
      } else {
        dst.set(SHORT, piece + ip + 4, (short) (tcpHeader + n));
      }
      dst.set(SHORT, piece + tcp + 16, (short) 0);
      long pseudo = transport.pseudoFor(tcpHeader + n);
      dst.set(SHORT, piece + tcp + 16, (short) InternetChecksum.finish(Checksums.add(pseudo, dst, piece + tcp, tcpHeader + n)));
    }
    out.writerIndex(base + total);
    return stride;
  }

  /** How many pieces {@code frame} becomes; checks that it is a TCP segment that can be cut. */
  public static int pieces(ByteBuf frame, Transport transport, int mss) {
    if (transport.protocol() != IpProtocol.TCP || mss <= 0) { // Transport checked the data offset
      throw new IllegalArgumentException("not a TCP segment, or MSS " + mss);
    }
    return Math.max(1, (transport.tcpPayload(frame) + mss - 1) / mss);
  }

  /** The bytes of all pieces, each with a prefix of {@code prefix} bytes. */
  private static int length(ByteBuf frame, Transport transport, int mss, int prefix, int pieces) {
    return pieces * (prefix + transport.offset() + transport.tcpHeaderLength(frame)) + transport.tcpPayload(frame);
  }
}
