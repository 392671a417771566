package dev.weft.linux.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds one netlink request: the 16-byte nlmsghdr, a fixed family header (ifinfomsg, rtmsg, …) and
 * rtattrs, each padded to 4 bytes. Netlink is host byte order except where a field says otherwise
 * (ports are big-endian, see {@link #attrU16Be}). Nested attributes are opened with {@link #beginNested}
 * and closed with {@link #endNested}, which patches the nest's length.
 */
public final class MessageWriter {
  private ByteBuffer buf = ByteBuffer.allocate(256).order(ByteOrder.nativeOrder());
  private final int type;
  private final int flags;

  /** Starts a request of {@code type}; NLM_F_REQUEST and NLM_F_ACK are always added. */
  public MessageWriter(int type, int flags) {
    this.type = type;
    this.flags = flags | Rtnl.NLM_F_REQUEST | Rtnl.NLM_F_ACK;
    buf.position(Rtnl.NLMSG_HDRLEN);
  }

  public int type() {
    return type;
  }

  public int flags() {
    return flags;
  }

  private void ensure(int more) {
    if (buf.remaining() < more + 4) {
      ByteBuffer bigger = ByteBuffer.allocate(Math.max(buf.capacity() * 2, buf.position() + more + 64))
          .order(ByteOrder.nativeOrder());
      buf.flip();
      bigger.put(buf);
      buf = bigger;
    }
  }

  private void pad() {
    int aligned = align(buf.position());
    ensure(aligned - buf.position());
    while (buf.position() < aligned) {
      buf.put((byte) 0);
    }
  }

  /** Rounds up to the 4-byte netlink alignment. */
  public static int align(int length) {
    return (length + 3) & ~3;
  }

  public MessageWriter u8(int v) {
    ensure(1);
    buf.put((byte) v);
    return this;
  }

  public MessageWriter u16(int v) {
    ensure(2);
    buf.putShort((short) v);
    return this;
  }

  public MessageWriter u32(int v) {
    ensure(4);
    buf.putInt(v);
    return this;
  }

  public MessageWriter bytes(byte[] v) {
    ensure(v.length);
    buf.put(v);
    return this;
  }

  /** A struct ifinfomsg: family, type, index, flags, change. */
  public MessageWriter ifinfomsg(int family, int index, int ifFlags, int change) {
    return u8(family).u8(0).u16(0).u32(index).u32(ifFlags).u32(change);
  }

  private void attrHeader(int attrType, int payloadLength) {
    pad();
    ensure(Rtnl.NLA_HDRLEN + payloadLength);
    buf.putShort((short) (Rtnl.NLA_HDRLEN + payloadLength));
    buf.putShort((short) attrType);
  }

  public MessageWriter attr(int attrType, byte[] payload) {
    attrHeader(attrType, payload.length);
    buf.put(payload);
    pad();
    return this;
  }

  public MessageWriter attrU8(int attrType, int v) {
    return attr(attrType, new byte[] {(byte) v});
  }

  public MessageWriter attrU16(int attrType, int v) {
    attrHeader(attrType, 2);
    buf.putShort((short) v);
    pad();
    return this;
  }

  /** A 16-bit attribute in network byte order (e.g. IFLA_VXLAN_PORT). */
  public MessageWriter attrU16Be(int attrType, int v) {
    return attr(attrType, new byte[] {(byte) (v >>> 8), (byte) v});
  }

  public MessageWriter attrU32(int attrType, int v) {
    attrHeader(attrType, 4);
    buf.putInt(v);
    return this;
  }

  /** A NUL-terminated string attribute. */
  public MessageWriter attrString(int attrType, String v) {
    byte[] raw = v.getBytes(StandardCharsets.UTF_8);
    return attr(attrType, Arrays.copyOf(raw, raw.length + 1));
  }

  /** Opens a nested attribute; pass the returned mark to {@link #endNested}. */
  public int beginNested(int attrType) {
    attrHeader(attrType | Rtnl.NLA_F_NESTED, 0);
    return buf.position() - Rtnl.NLA_HDRLEN;
  }

  /** Opens a nested attribute whose type has no NLA_F_NESTED bit (VETH_INFO_PEER, as iproute2 sends it). */
  public int beginNestedPlain(int attrType) {
    attrHeader(attrType, 0);
    return buf.position() - Rtnl.NLA_HDRLEN;
  }

  public MessageWriter endNested(int mark) {
    pad();
    buf.putShort(mark, (short) (buf.position() - mark));
    return this;
  }

  /** The finished message with length, type, flags, {@code seq} and {@code portId} filled in. */
  public ByteBuffer finish(int seq, int portId) {
    pad();
    ByteBuffer out = buf.duplicate().order(ByteOrder.nativeOrder());
    int length = buf.position();
    out.putInt(0, length);
    out.putShort(4, (short) type);
    out.putShort(6, (short) flags);
    out.putInt(8, seq);
    out.putInt(12, portId);
    out.position(0).limit(length);
    return out;
  }
}
