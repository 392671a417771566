package dev.weft.engine.packet;

import dev.weft.model.value.IpAddress;
import dev.weft.model.value.IpFamily;
import io.netty.buffer.ByteBuf;

/**
 * An IPv4 header without options (RFC 791). {@code fragmentOffset} is in bytes (a multiple of 8), not in
 * the 8-byte units of the wire.
 */
public record Ipv4Header(
    int tos, int totalLength, int identification, boolean dontFragment, boolean moreFragments,
    int fragmentOffset, int ttl, int protocol, IpAddress source, IpAddress destination) implements IpHeader {
  public static final int LENGTH = 20;
  public static final int TTL_OFFSET = 8;
  public static final int CHECKSUM_OFFSET = 10;
  public static final int SOURCE_OFFSET = 12;
  public static final int DESTINATION_OFFSET = 16;

  public Ipv4Header {
    Wire.checkRange("TOS", tos, 0xff);
    if (totalLength < LENGTH || totalLength > 0xffff) {
      throw new IllegalArgumentException("IPv4 total length must be 20..65535, was " + totalLength);
    }
    Wire.checkRange("identification", identification, 0xffff);
    if (fragmentOffset < 0 || fragmentOffset > 0xfff8 || fragmentOffset % 8 != 0) {
      throw new IllegalArgumentException("fragment offset must be a multiple of 8 up to 65528, was " + fragmentOffset);
    }
    Wire.checkRange("TTL", ttl, 0xff);
    Wire.checkRange("protocol", protocol, 0xff);
    Wire.requireFamily("IPv4 source", source, IpFamily.IPV4);
    Wire.requireFamily("IPv4 destination", destination, IpFamily.IPV4);
  }

  /** A first (or only) fragment with TTL 64 and TOS 0. */
  public static Ipv4Header of(IpAddress source, IpAddress destination, int protocol, int totalLength, int id, boolean df) {
    return new Ipv4Header(0, totalLength, id, df, false, 0, 64, protocol, source, destination);
  }

  public static Ipv4Header decode(ByteBuf in) {
    Wire.require(in, LENGTH, "IPv4 header");
    int start = in.readerIndex();
    int versionIhl = in.getUnsignedByte(start);
    if ((versionIhl >>> 4) != 4) {
      throw new MalformedPacketException("IPv4 header", "version " + (versionIhl >>> 4));
    }
    int ihl = (versionIhl & 0x0f) * 4;
    if (ihl < LENGTH) {
      throw new MalformedPacketException("IPv4 header", "header length " + ihl);
    }
    if (ihl > LENGTH) {
      throw new UnsupportedPacketException("IPv4", "options (header length " + ihl + ")");
    }
    if (!InternetChecksum.verifies(InternetChecksum.add(0, in, start, LENGTH))) {
      throw new BadChecksumException("IPv4 header");
    }
    int total = in.getUnsignedShort(start + 2);
    if (total < LENGTH) {
      throw new MalformedPacketException("IPv4 header", "total length " + total);
    }
    Wire.require(in, total, "IPv4 packet");
    int flagsOffset = in.getUnsignedShort(start + 6);
    if ((flagsOffset & 0x8000) != 0) {
      throw new MalformedPacketException("IPv4 header", "reserved flag set");
    }
    in.skipBytes(LENGTH);
    return new Ipv4Header(
        in.getUnsignedByte(start + 1), total, in.getUnsignedShort(start + 4), (flagsOffset & 0x4000) != 0,
        (flagsOffset & 0x2000) != 0, (flagsOffset & 0x1fff) * 8, in.getUnsignedByte(start + TTL_OFFSET),
        in.getUnsignedByte(start + 9), Wire.getAddress(in, start + SOURCE_OFFSET, IpFamily.IPV4),
        Wire.getAddress(in, start + DESTINATION_OFFSET, IpFamily.IPV4));
  }

  /**
   * Recomputes the header checksum of the header at {@code index}, after an in-place edit: over the whole
   * header its IHL gives, options included (a forwarded or merged packet may carry them).
   */
  public static void updateChecksum(ByteBuf buf, int index) {
    int length = Math.max(LENGTH, (buf.getUnsignedByte(index) & 0x0f) * 4);
    buf.setShort(index + CHECKSUM_OFFSET, 0);
    buf.setShort(index + CHECKSUM_OFFSET, InternetChecksum.finish(InternetChecksum.add(0, buf, index, length)));
  }

  @Override
  public IpFamily family() {
    return IpFamily.IPV4;
  }

  @Override
  public int hopLimit() {
    return ttl;
  }

  @Override
  public int packetLength() {
    return totalLength;
  }

  public int payloadLength() {
    return totalLength - LENGTH;
  }

  /** Whether this is a fragment of a larger datagram (MF set or a non-zero offset). */
  public boolean fragmented() {
    return moreFragments || fragmentOffset != 0;
  }

  public Ipv4Header withTotalLength(int length) {
    return new Ipv4Header(tos, length, identification, dontFragment, moreFragments, fragmentOffset, ttl, protocol, source, destination);
  }

  public Ipv4Header withFragment(int offset, boolean more, int length) {
    return new Ipv4Header(tos, length, identification, dontFragment, more, offset, ttl, protocol, source, destination);
  }

  @Override
  public int length() {
    return LENGTH;
  }

  @Override
  public void encode(ByteBuf out) {
    int start = out.writerIndex();
    out.writeByte(0x45);
    out.writeByte(tos);
    out.writeShort(totalLength);
    out.writeShort(identification);
    out.writeShort((dontFragment ? 0x4000 : 0) | (moreFragments ? 0x2000 : 0) | (fragmentOffset / 8));
    out.writeByte(ttl);
    out.writeByte(protocol);
    out.writeShort(0);
    Wire.writeAddress(out, source);
    Wire.writeAddress(out, destination);
    updateChecksum(out, start);
  }

  @Override
  public String summary() {
    StringBuilder sb = new StringBuilder("ip ").append(source).append(" > ").append(destination)
        .append(' ').append(IpProtocol.name(protocol)).append(" ttl ").append(ttl)
        .append(" id ").append(identification).append(" len ").append(totalLength);
    if (dontFragment) {
      sb.append(" DF");
    }
    if (fragmented()) {
      sb.append(" frag off ").append(fragmentOffset).append(moreFragments ? " MF" : "");
    }
    return sb.toString();
  }
}
