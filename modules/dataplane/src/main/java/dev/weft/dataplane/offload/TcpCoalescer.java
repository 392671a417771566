package dev.weft.dataplane.offload;

import dev.weft.engine.packet.InternetChecksum;
import dev.weft.engine.packet.IpProtocol;
import dev.weft.engine.packet.Ipv4Header;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Optional;

/**
 * Receive offload done in userspace (the kernel's GRO rules, simplified): consecutive TCP segments of
 * one flow, in order, with the same headers apart from the sequence number, IP id, lengths and
 * checksums, are merged into one large segment: a segmentation batch of {@code gsoSize}-byte segments
 * whose checksum field holds the pseudo-header sum (pending, for whoever cuts or takes it). A segment with flags
 * other than ACK and PSH, with no data, out of order, or shorter than the batch's segments (it then ends
 * the batch), or whose full checksum is wrong, does not extend it; one so large that no second segment
 * of its size would fit beside it goes alone. One batch at a time; {@link #take}
 * hands it over, with {@code headroom} free bytes before the frame for whatever header the caller puts
 * in front (a virtio-net header for a TAP, a VXLAN header for a datagram).
 */
public final class TcpCoalescer {
  /** IP packets cannot be longer. */
  private static final int MAX_IP = 65_535;
  private static final int ACK = 0x10;
  private static final int PSH = 0x08;
  private static final ValueLayout.OfLong WORD = ValueLayout.JAVA_LONG_UNALIGNED;
  private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
  private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

  private final ByteBufAllocator alloc;
  private final int headroom;
  private ByteBuf batch;
  private Transport transport;
  private int segments;
  private int gsoSize;
  private int headers;
  private long nextSeq;
  private boolean closed;
  /** The batch's {@link #headerMask}. */
  private long[] mask = new long[0];

  public TcpCoalescer(ByteBufAllocator alloc, int headroom) {
    this.alloc = alloc;
    this.headroom = headroom;
  }

  /** Whether a batch is held. */
  public boolean holding() {
    return batch != null;
  }

  /** What became of an offered frame. */
  public enum Offer {
    /** The frame is in the batch now. */
    JOINED,
    /** It may head a batch but not extend the one held: {@link #take} that, then {@link #startWith} it. */
    NEXT,
    /** It cannot be merged (no TCP data, other flags, a failing checksum): it goes alone. */
    ALONE
  }

  /**
   * Adds {@code frame} (read, not released) to the batch when it can. Its eligibility (including the
   * full checksum) is judged once here: a frame answered {@link Offer#NEXT} is not checked again.
   */
  public Offer offer(ByteBuf frame, Transport t) {
    if (t.protocol() != IpProtocol.TCP) {
      return Offer.ALONE;
    }
    int at = frame.readerIndex();
    int tcp = at + t.offset();
    int tcpHeader = t.tcpHeaderLength(frame);
    int flags = frame.getUnsignedByte(tcp + 13);
    int payload = t.tcpPayload(frame);
    if (payload <= 0 || (flags & ~(ACK | PSH)) != 0) {
      return Offer.ALONE;
    }
    if (!fits(t.offset() + tcpHeader, 2, payload)) {
      // nothing could join it (a kernel's whole GSO segment, say): held, it would only be copied
      return Offer.ALONE;
    }
    // a merged batch reaches the pod marked "checksum pending", which its kernel trusts: a corrupt segment
    // must go alone with its checksum as it came, for the pod to verify and drop (the kernel's GRO checks too)
    if (!t.partial(frame) && !t.verifies(frame)) {
      return Offer.ALONE;
    }
    if (batch == null) {
      startWith(frame, t);
      return Offer.JOINED;
    }
    long seq = frame.getUnsignedInt(tcp + 4);
    if (closed || payload > gsoSize || seq != nextSeq || !hasRoom() || frame.readableBytes() < headers
        || !sameHeaders(BufferViews.of(frame, at, headers))) {
      return Offer.NEXT;
    }
    append(frame, at + t.offset() + tcpHeader, payload, seq, flags);
    return Offer.JOINED;
  }

  private void append(ByteBuf frame, int from, int payload, long seq, int flags) {
    batch.writeBytes(frame, from, payload);
    segments++;
    nextSeq = (seq + payload) & 0xffff_ffffL;
    closed = payload < gsoSize || (flags & PSH) != 0;
    if ((flags & PSH) != 0) {
      // the batch's frame starts at its reader index, after the headroom: an index from 0 would land
      // that many bytes early, in the ports
      int flagsAt = batch.readerIndex() + transport.offset() + 13;
      batch.setByte(flagsAt, batch.getUnsignedByte(flagsAt) | PSH);
    }
  }

  /**
   * Adds {@code frame} (read, not released) when it plainly continues the held batch: the same headers
   * but for the fields that change per segment, the next sequence number, a payload no longer than the
   * batch's segments and a full checksum that verifies. This is the common case, judged on the bytes
   * alone, without working out the frame's transport; false (nothing changed) leaves the frame to
   * {@link #offer}, which judges every case.
   */
  public boolean extend(ByteBuf frame) {
    int length = frame.readableBytes();
    if (batch == null || closed || length < headers) {
      return false;
    }
    int at = frame.readerIndex();
    MemorySegment f = BufferViews.of(frame, at, length);
    if (!sameHeaders(f)) {
      return false;
    }
    int ip = transport.ip();
    int tcp = transport.offset();
    // the version, header lengths and fragment bits are the batch's (compared above)
    int tcpLength = (f.get(ValueLayout.JAVA_BYTE, ip) & 0xf0) == 0x40
        ? (f.get(SHORT, ip + 2) & 0xffff) - (tcp - ip)
        : f.get(SHORT, ip + 4) & 0xffff;
    int payload = tcpLength - (headers - tcp);
    long seq = f.get(INT, tcp + 4) & 0xffff_ffffL;
    if (payload <= 0 || payload > gsoSize || tcp + tcpLength > length || seq != nextSeq || !hasRoom()) {
      return false;
    }
    if (!InternetChecksum.verifies(Checksums.add(transport.pseudoFor(tcpLength), f, tcp, tcpLength))) {
      return false;
    }
    append(frame, at + headers, payload, seq, f.get(ValueLayout.JAVA_BYTE, tcp + 13) & 0xff);
    return true;
  }

  /** Starts a batch with a frame {@link #offer} took or answered {@link Offer#NEXT} for (after {@link #take}). */
  public void startWith(ByteBuf frame, Transport t) {
    if (batch != null) {
      throw new IllegalStateException("a batch is held: take it first");
    }
    int tcp = frame.readerIndex() + t.offset();
    int tcpHeader = t.tcpHeaderLength(frame);
    int payload = t.tcpPayload(frame);
    int flags = frame.getUnsignedByte(tcp + 13);
    batch = alloc.directBuffer(headroom + MAX_IP + 14);
    batch.writerIndex(headroom).readerIndex(headroom);
    batch.writeBytes(frame, frame.readerIndex(), t.offset() + tcpHeader + payload);
    transport = t;
    segments = 1;
    gsoSize = payload;
    headers = t.offset() + tcpHeader;
    nextSeq = (frame.getUnsignedInt(tcp + 4) + payload) & 0xffff_ffffL;
    closed = (flags & PSH) != 0;
    mask = headerMask(t, headers, (frame.getUnsignedByte(frame.readerIndex() + t.ip()) >>> 4) == 4);
  }

  /**
   * The header bits that segments of one batch share, per 8-byte word of the {@code headers} header bytes
   * (the last word ending at the headers' end, overlapping the one before): all but what changes per
   * segment, namely the IP lengths, the IPv4 id and header checksum, the TCP sequence number and checksum,
   * and PSH. So the same header sizes, IP version, flow, fragment bits, ack, window, other flags and options.
   */
  private static long[] headerMask(Transport t, int headers, boolean v4) {
    byte[] bytes = new byte[headers];
    Arrays.fill(bytes, (byte) 0xff);
    int ip = t.ip();
    int tcp = t.offset();
    int[] varying = v4
        ? new int[] {ip + 2, ip + 3, ip + 4, ip + 5, ip + 10, ip + 11, tcp + 4, tcp + 5, tcp + 6, tcp + 7, tcp + 16, tcp + 17}
        : new int[] {ip + 4, ip + 5, tcp + 4, tcp + 5, tcp + 6, tcp + 7, tcp + 16, tcp + 17};
    for (int i : varying) {
      bytes[i] = 0;
    }
    bytes[tcp + 13] = (byte) ~PSH;
    MemorySegment m = MemorySegment.ofArray(bytes);
    long[] words = new long[(headers + 7) / 8];
    for (int w = 0; w < words.length; w++) {
      words[w] = m.get(WORD, Math.min(w * 8L, headers - 8L));
    }
    return words;
  }

  /** Whether the first {@code headers} bytes of {@code f} are the batch's headers but for what {@link #headerMask} leaves out. */
  private boolean sameHeaders(MemorySegment f) {
    MemorySegment b = BufferViews.of(batch, batch.readerIndex(), headers);
    for (int w = 0; w < mask.length; w++) {
      long off = Math.min(w * 8L, headers - 8L);
      if (((f.get(WORD, off) ^ b.get(WORD, off)) & mask[w]) != 0) {
        return false;
      }
    }
    return true;
  }

  /** Whether one more full segment still fits an IP packet. */
  private boolean hasRoom() {
    return fits(headers, segments + 1, gsoSize);
  }

  /** Whether a frame of {@code headers} bytes of headers and {@code segments} segments of {@code size} bytes fits an IP packet. */
  private static boolean fits(int headers, int segments, int size) {
    return headers + (long) segments * size <= MAX_IP + 14;
  }

  /**
   * The batch (reader index at its frame, the headroom before it); empty when nothing is held. A single
   * segment goes as it came.
   */
  public Optional<Batch> take() {
    if (batch == null) {
      return Optional.empty();
    }
    ByteBuf out = batch;
    int n = segments;
    batch = null;
    int b = out.readerIndex();
    if (n == 1) {
      return Optional.of(new Batch(out, 1, 0));
    }
    boolean v4 = (out.getUnsignedByte(b + 14) >>> 4) == 4;
    int ipLength = out.readableBytes() - 14;
    if (v4) {
      out.setShort(b + 14 + 2, ipLength);
      Ipv4Header.updateChecksum(out, b + 14);
    } else {
      out.setShort(b + 14 + 4, ipLength - 40);
    }
    Transport merged = Transport.of(out).orElseThrow();
    out.setShort(b + merged.checksumOffset(), merged.foldedPseudo());
    return Optional.of(new Batch(out, n, gsoSize));
  }

  /** A merged frame, how many frames it carries, and its segment size (0 for a single frame, as it came). */
  public record Batch(ByteBuf frame, int frames, int gsoSize) {}
}
