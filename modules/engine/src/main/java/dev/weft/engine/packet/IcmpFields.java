package dev.weft.engine.packet;

import io.netty.buffer.ByteBuf;

/** The 8-byte layout ICMP and ICMPv6 share: type, code, checksum, 32-bit rest of header. */
final class IcmpFields {
  private IcmpFields() {}

  interface Factory<T> {
    T make(int type, int code, long rest);
  }

  static <T> T read(ByteBuf in, Factory<T> factory) {
    int type = in.readUnsignedByte();
    int code = in.readUnsignedByte();
    in.skipBytes(2);
    return factory.make(type, code, in.readUnsignedInt());
  }

  static void write(ByteBuf out, int type, int code, long rest) {
    out.writeByte(type);
    out.writeByte(code);
    out.writeShort(0);
    out.writeInt((int) rest);
  }
}
