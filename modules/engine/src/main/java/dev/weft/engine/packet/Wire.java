package dev.weft.engine.packet;

import dev.weft.model.value.IpAddress;
import dev.weft.model.value.IpFamily;
import dev.weft.model.value.Mac;
import io.netty.buffer.ByteBuf;

/** Reading and writing the field types headers share, in network byte order. */
final class Wire {
  private Wire() {}

  static void require(ByteBuf in, int needed, String layer) {
    if (in.readableBytes() < needed) {
      throw new TruncatedPacketException(layer, needed, in.readableBytes());
    }
  }

  static void writeMac(ByteBuf out, Mac mac) {
    out.writeShort((int) (mac.value() >>> 32));
    out.writeInt((int) mac.value());
  }

  static Mac readMac(ByteBuf in) {
    long high = in.readUnsignedShort();
    return new Mac((high << 32) | in.readUnsignedInt());
  }

  static Mac getMac(ByteBuf in, int index) {
    return new Mac(((long) in.getUnsignedShort(index) << 32) | in.getUnsignedInt(index + 2));
  }

  static void writeAddress(ByteBuf out, IpAddress address) {
    if (address.isIpv4()) {
      out.writeInt(address.ipv4Value());
    } else {
      out.writeLong(address.high());
      out.writeLong(address.low());
    }
  }

  static IpAddress readAddress(ByteBuf in, IpFamily family) {
    return family == IpFamily.IPV4 ? IpAddress.ipv4(in.readInt()) : IpAddress.ipv6(in.readLong(), in.readLong());
  }

  static IpAddress getAddress(ByteBuf in, int index, IpFamily family) {
    return family == IpFamily.IPV4
        ? IpAddress.ipv4(in.getInt(index))
        : IpAddress.ipv6(in.getLong(index), in.getLong(index + 8));
  }

  static void setAddress(ByteBuf buf, int index, IpAddress address) {
    if (address.isIpv4()) {
      buf.setInt(index, address.ipv4Value());
    } else {
      buf.setLong(index, address.high());
      buf.setLong(index + 8, address.low());
    }
  }

  static int checkRange(String field, int value, int max) {
    if (value < 0 || value > max) {
      throw new IllegalArgumentException(field + " must be 0.." + max + ", was " + value);
    }
    return value;
  }

  static long checkRange(String field, long value, long max) {
    if (value < 0 || value > max) {
      throw new IllegalArgumentException(field + " must be 0.." + max + ", was " + value);
    }
    return value;
  }

  static void requireFamily(String field, IpAddress address, IpFamily family) {
    if (address.family() != family) {
      throw new IllegalArgumentException(field + " must be " + family + ": " + address);
    }
  }
}
