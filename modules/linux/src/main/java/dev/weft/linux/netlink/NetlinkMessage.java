package dev.weft.linux.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One received netlink message. {@code body} is everything after the 16-byte nlmsghdr, positioned at
 * 0 and in native byte order; it is a private copy, safe to keep after the receive buffer is reused.
 */
public record NetlinkMessage(int type, int flags, int seq, int portId, ByteBuffer body) {

  /** The attributes that follow a fixed header of {@code headerLength} bytes. */
  public Attributes attributes(int headerLength) {
    return Attributes.parse(body, MessageWriter.align(headerLength), body.limit());
  }

  public int u8(int offset) {
    return body.get(offset) & 0xff;
  }

  public int u16(int offset) {
    return body.getShort(offset) & 0xffff;
  }

  public int s32(int offset) {
    return body.getInt(offset);
  }

  /** Splits a datagram into messages, copying each body. */
  public static void split(ByteBuffer datagram, java.util.function.Consumer<NetlinkMessage> sink) {
    ByteBuffer in = datagram.duplicate().order(ByteOrder.nativeOrder());
    int at = in.position();
    int end = in.limit();
    while (at + Rtnl.NLMSG_HDRLEN <= end) {
      int length = in.getInt(at);
      if (length < Rtnl.NLMSG_HDRLEN || at + length > end) {
        throw new IllegalStateException("malformed netlink message: length " + length + " at offset " + at);
      }
      ByteBuffer body = ByteBuffer.allocate(length - Rtnl.NLMSG_HDRLEN).order(ByteOrder.nativeOrder());
      body.put(0, in, at + Rtnl.NLMSG_HDRLEN, length - Rtnl.NLMSG_HDRLEN);
      sink.accept(new NetlinkMessage(
          in.getShort(at + 4) & 0xffff, in.getShort(at + 6) & 0xffff, in.getInt(at + 8), in.getInt(at + 12), body));
      at += MessageWriter.align(length);
    }
  }
}
