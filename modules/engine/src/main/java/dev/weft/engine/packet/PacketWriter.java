package dev.weft.engine.packet;

import io.netty.buffer.ByteBuf;

/**
 * Assembles headers and payload into wire bytes, filling in what depends on the whole: IP and UDP length
 * fields and every checksum. Payload buffers are read, never consumed or released.
 */
public final class PacketWriter {
  private PacketWriter() {}

  /** An IP packet with a transport header; the IP and UDP length fields are set from the contents. */
  public static void writeIp(ByteBuf out, IpHeader ip, TransportHeader transport, ByteBuf payload) {
    int payloadLength = payload.readableBytes();
    TransportHeader l4 = transport instanceof UdpHeader udp
        ? udp.withDatagramLength(UdpHeader.LENGTH + payloadLength)
        : transport;
    int l4Length = l4.length() + payloadLength;
    withLength(ip, l4Length).encode(out);
    int start = out.writerIndex();
    l4.encode(out);
    out.writeBytes(payload, payload.readerIndex(), payloadLength);
    long sum = l4.usesPseudoHeader()
        ? InternetChecksum.pseudoHeader(ip.source(), ip.destination(), l4.protocol(), l4Length)
        : 0;
    int checksum = InternetChecksum.finish(InternetChecksum.add(sum, out, start, l4Length));
    if (checksum == 0 && l4 instanceof UdpHeader) {
      checksum = 0xffff; // RFC 768: a computed zero is sent as all ones; zero means "no checksum"
    }
    out.setShort(start + l4.checksumOffset(), checksum);
  }

  /** An IP packet whose payload is already encoded (GRE, a fragment, a quoted packet). */
  public static void writeIp(ByteBuf out, IpHeader ip, ByteBuf payload) {
    withLength(ip, payload.readableBytes()).encode(out);
    out.writeBytes(payload, payload.readerIndex(), payload.readableBytes());
  }

  /** A GRE header and its payload, with the checksum filled in when the header asks for one. */
  public static void writeGre(ByteBuf out, GreHeader gre, ByteBuf payload) {
    int start = out.writerIndex();
    gre.encode(out);
    out.writeBytes(payload, payload.readerIndex(), payload.readableBytes());
    if (gre.checksumPresent()) {
      out.setShort(start + 4, InternetChecksum.finish(InternetChecksum.add(0, out, start, out.writerIndex() - start)));
    }
  }

  private static IpHeader withLength(IpHeader ip, int payloadLength) {
    return switch (ip) {
      case Ipv4Header v4 -> v4.withTotalLength(Ipv4Header.LENGTH + payloadLength);
      case Ipv6Header v6 -> v6.withPayloadLength(payloadLength);
    };
  }
}
