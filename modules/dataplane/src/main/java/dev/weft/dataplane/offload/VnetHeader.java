package dev.weft.dataplane.offload;

import io.netty.buffer.ByteBuf;

/**
 * The legacy virtio-net header a TAP with IFF_VNET_HDR puts before each frame (10 bytes, fields in the
 * machine's byte order, little-endian on x86-64 and arm64): whether the checksum is still to be done
 * ({@code csumStart}/{@code csumOffset}) and whether the frame is a segmentation batch ({@code gsoType},
 * {@code gsoSize}, {@code hdrLen}).
 */
public record VnetHeader(int flags, int gsoType, int hdrLen, int gsoSize, int csumStart, int csumOffset) {
  public static final int LENGTH = 10;
  public static final int F_NEEDS_CSUM = 1;
  public static final int GSO_NONE = 0;
  public static final int GSO_TCPV4 = 1;
  public static final int GSO_TCPV6 = 4;
  public static final int GSO_ECN = 0x80;
  public static final VnetHeader NONE = new VnetHeader(0, GSO_NONE, 0, 0, 0, 0);

  public static VnetHeader read(ByteBuf buf, int at) {
    return new VnetHeader(buf.getUnsignedByte(at), buf.getUnsignedByte(at + 1), buf.getUnsignedShortLE(at + 2),
        buf.getUnsignedShortLE(at + 4), buf.getUnsignedShortLE(at + 6), buf.getUnsignedShortLE(at + 8));
  }

  public void write(ByteBuf out) {
    out.writeByte(flags).writeByte(gsoType).writeShortLE(hdrLen).writeShortLE(gsoSize).writeShortLE(csumStart)
        .writeShortLE(csumOffset);
  }

  /** A header saying "checksum pending" for the transport of a frame, without segmentation. */
  public static VnetHeader partialChecksum(Transport t) {
    return new VnetHeader(F_NEEDS_CSUM, GSO_NONE, 0, 0, t.offset(), t.checksumOffset() - t.offset());
  }

  /** A header for a TCP segmentation batch of {@code gsoSize}-byte segments, checksums pending. */
  public static VnetHeader tcpBatch(Transport t, ByteBuf frame, int gsoSize) {
    return new VnetHeader(F_NEEDS_CSUM, t.ipv4(frame) ? GSO_TCPV4 : GSO_TCPV6, t.offset() + t.tcpHeaderLength(frame),
        gsoSize, t.offset(), 16);
  }

  public boolean needsChecksum() {
    return (flags & F_NEEDS_CSUM) != 0;
  }

  public int gso() {
    return gsoType & ~GSO_ECN;
  }
}
