package dev.weft.engine.testing;

import dev.weft.engine.packet.EtherType;
import dev.weft.engine.packet.EthernetHeader;
import dev.weft.engine.packet.IpProtocol;
import dev.weft.engine.packet.Ipv4Header;
import dev.weft.engine.packet.PacketWriter;
import dev.weft.engine.packet.TcpHeader;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Mac;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/** Frames and packets for handler tests. */
public final class TestPackets {
  public static final ByteBufAllocator ALLOC = ByteBufAllocator.DEFAULT;

  private TestPackets() {}

  /** An IPv4/TCP SYN with {@code payload} zero bytes of data. */
  public static ByteBuf tcp(String src, String dst, int ttl, boolean df, int payload) {
    ByteBuf data = ALLOC.buffer(payload).writeZero(payload);
    ByteBuf out = ALLOC.buffer();
    try {
      PacketWriter.writeIp(out, new Ipv4Header(0, 20, 7, df, false, 0, ttl, IpProtocol.TCP, IpAddress.parse(src),
          IpAddress.parse(dst)), TcpHeader.syn(40000, 80), data);
      return out;
    } finally {
      data.release();
    }
  }

  /** An Ethernet frame around {@code ip}, which is released. */
  public static ByteBuf frame(Mac dst, Mac src, ByteBuf ip) {
    ByteBuf out = ALLOC.buffer();
    new EthernetHeader(dst, src, EtherType.IPV4).encode(out);
    out.writeBytes(ip);
    ip.release();
    return out;
  }

  /** A frame of {@code size} bytes with the given addresses and an unused EtherType. */
  public static ByteBuf raw(Mac dst, Mac src, int size) {
    ByteBuf out = ALLOC.buffer(size);
    new EthernetHeader(dst, src, 0x88b5).encode(out);
    out.writeZero(size - EthernetHeader.LENGTH);
    return out;
  }

  public static Mac mac(int last) {
    return new Mac(0x0200_0000_0000L | last);
  }
}
