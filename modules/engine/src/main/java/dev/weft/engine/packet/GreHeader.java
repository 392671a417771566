package dev.weft.engine.packet;

import io.netty.buffer.ByteBuf;
import java.util.Optional;

/**
 * A GRE header (RFC 2784) with the key and sequence number extensions of RFC 2890. The optional checksum
 * covers the GRE header and its payload, so {@link #encode} writes zero there and {@link PacketWriter}
 * fills it in.
 */
public record GreHeader(int protocolType, boolean checksumPresent, Optional<Long> key, Optional<Long> sequence)
    implements Header {
  private static final int FLAG_CHECKSUM = 0x8000;
  private static final int FLAG_ROUTING = 0x4000;
  private static final int FLAG_KEY = 0x2000;
  private static final int FLAG_SEQUENCE = 0x1000;

  public GreHeader {
    Wire.checkRange("GRE protocol type", protocolType, 0xffff);
    key.ifPresent(k -> Wire.checkRange("GRE key", k, 0xffff_ffffL));
    sequence.ifPresent(s -> Wire.checkRange("GRE sequence number", s, 0xffff_ffffL));
  }

  public static GreHeader of(int protocolType, Optional<Long> key) {
    return new GreHeader(protocolType, false, key, Optional.empty());
  }

  public static GreHeader decode(ByteBuf in) {
    Wire.require(in, 4, "GRE header");
    int flags = in.readUnsignedShort();
    int protocol = in.readUnsignedShort();
    if ((flags & 0x7) != 0) {
      throw new UnsupportedPacketException("GRE", "version " + (flags & 0x7));
    }
    if ((flags & FLAG_ROUTING) != 0) {
      throw new UnsupportedPacketException("GRE", "source routing (RFC 1701)");
    }
    boolean csum = (flags & FLAG_CHECKSUM) != 0;
    int extra = (csum ? 4 : 0) + ((flags & FLAG_KEY) != 0 ? 4 : 0) + ((flags & FLAG_SEQUENCE) != 0 ? 4 : 0);
    Wire.require(in, extra, "GRE header");
    if (csum) {
      in.skipBytes(4);
    }
    Optional<Long> key = (flags & FLAG_KEY) != 0 ? Optional.of(in.readUnsignedInt()) : Optional.empty();
    Optional<Long> seq = (flags & FLAG_SEQUENCE) != 0 ? Optional.of(in.readUnsignedInt()) : Optional.empty();
    return new GreHeader(protocol, csum, key, seq);
  }

  @Override
  public int length() {
    return 4 + (checksumPresent ? 4 : 0) + (key.isPresent() ? 4 : 0) + (sequence.isPresent() ? 4 : 0);
  }

  @Override
  public void encode(ByteBuf out) {
    out.writeShort((checksumPresent ? FLAG_CHECKSUM : 0) | (key.isPresent() ? FLAG_KEY : 0)
        | (sequence.isPresent() ? FLAG_SEQUENCE : 0));
    out.writeShort(protocolType);
    if (checksumPresent) {
      out.writeInt(0);
    }
    key.ifPresent(k -> out.writeInt((int) (long) k));
    sequence.ifPresent(s -> out.writeInt((int) (long) s));
  }

  @Override
  public String summary() {
    StringBuilder sb = new StringBuilder("gre proto ").append(EtherType.name(protocolType));
    key.ifPresent(k -> sb.append(" key ").append(k));
    sequence.ifPresent(s -> sb.append(" seq ").append(s));
    if (checksumPresent) {
      sb.append(" csum");
    }
    return sb.toString();
  }
}
