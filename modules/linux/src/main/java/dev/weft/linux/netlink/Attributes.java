package dev.weft.linux.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The rtattrs of one message or nest, indexed by type (NLA_F_NESTED and NLA_F_NET_BYTEORDER masked
 * off). When a type repeats, the first occurrence wins, which is all rtnetlink replies need here.
 */
public final class Attributes {
  private final Map<Integer, ByteBuffer> byType;

  private Attributes(Map<Integer, ByteBuffer> byType) {
    this.byType = byType;
  }

  /** Parses rtattrs in {@code buf} from {@code from} (inclusive) to {@code to} (exclusive). */
  public static Attributes parse(ByteBuffer buf, int from, int to) {
    Map<Integer, ByteBuffer> out = new HashMap<>();
    int at = from;
    while (at + Rtnl.NLA_HDRLEN <= to) {
      int length = buf.getShort(at) & 0xffff;
      int type = buf.getShort(at + 2) & Rtnl.NLA_TYPE_MASK;
      if (length < Rtnl.NLA_HDRLEN || at + length > to) {
        throw new IllegalStateException("malformed rtattr: length " + length + " at offset " + at);
      }
      ByteBuffer value = buf.slice(at + Rtnl.NLA_HDRLEN, length - Rtnl.NLA_HDRLEN).order(ByteOrder.nativeOrder());
      out.putIfAbsent(type, value);
      at += MessageWriter.align(length);
    }
    return new Attributes(out);
  }

  public boolean has(int type) {
    return byType.containsKey(type);
  }

  public Set<Integer> types() {
    return byType.keySet();
  }

  public Optional<byte[]> bytes(int type) {
    ByteBuffer v = byType.get(type);
    if (v == null) {
      return Optional.empty();
    }
    byte[] out = new byte[v.remaining()];
    v.get(v.position(), out);
    return Optional.of(out);
  }

  public OptionalInt u8(int type) {
    ByteBuffer v = byType.get(type);
    return v == null || v.remaining() < 1 ? OptionalInt.empty() : OptionalInt.of(v.get(0) & 0xff);
  }

  public OptionalInt u16(int type) {
    ByteBuffer v = byType.get(type);
    return v == null || v.remaining() < 2 ? OptionalInt.empty() : OptionalInt.of(v.getShort(0) & 0xffff);
  }

  /** A 16-bit value in network byte order. */
  public OptionalInt u16Be(int type) {
    ByteBuffer v = byType.get(type);
    return v == null || v.remaining() < 2 ? OptionalInt.empty() : OptionalInt.of(((v.get(0) & 0xff) << 8) | (v.get(1) & 0xff));
  }

  public OptionalInt u32(int type) {
    ByteBuffer v = byType.get(type);
    return v == null || v.remaining() < 4 ? OptionalInt.empty() : OptionalInt.of(v.getInt(0));
  }

  /** A string attribute without its trailing NUL. */
  public Optional<String> string(int type) {
    return bytes(type).map(b -> {
      int n = 0;
      while (n < b.length && b[n] != 0) {
        n++;
      }
      return new String(b, 0, n, StandardCharsets.UTF_8);
    });
  }

  public Optional<Attributes> nested(int type) {
    ByteBuffer v = byType.get(type);
    return v == null ? Optional.empty() : Optional.of(parse(v, 0, v.limit()));
  }

  /** No attributes at all. */
  public static Attributes empty() {
    return new Attributes(Map.of());
  }
}
