package dev.weft.engine.packet;

import io.netty.buffer.ByteBuf;

/** A UDP header (RFC 768). {@code datagramLength} is the wire's length field: header plus payload. */
public record UdpHeader(int sourcePort, int destinationPort, int datagramLength) implements TransportHeader {
  public static final int LENGTH = 8;

  public UdpHeader {
    Wire.checkRange("source port", sourcePort, 0xffff);
    Wire.checkRange("destination port", destinationPort, 0xffff);
    if (datagramLength < LENGTH || datagramLength > 0xffff) {
      throw new IllegalArgumentException("UDP length must be 8..65535, was " + datagramLength);
    }
  }

  public static UdpHeader decode(ByteBuf in) {
    return decode(in, true);
  }

  /** {@code whole}: the datagram is all here (not the first fragment of a larger one), so its length is checked. */
  static UdpHeader decode(ByteBuf in, boolean whole) {
    Wire.require(in, LENGTH, "UDP header");
    int length = in.getUnsignedShort(in.readerIndex() + 4);
    if (length < LENGTH) {
      throw new MalformedPacketException("UDP header", "length " + length + " is shorter than the header");
    }
    UdpHeader h = new UdpHeader(in.readUnsignedShort(), in.readUnsignedShort(), in.readUnsignedShort());
    in.skipBytes(2);
    if (whole) {
      Wire.require(in, h.datagramLength - LENGTH, "UDP payload");
    }
    return h;
  }

  public UdpHeader withDatagramLength(int length) {
    return new UdpHeader(sourcePort, destinationPort, length);
  }

  @Override
  public int protocol() {
    return IpProtocol.UDP;
  }

  @Override
  public int checksumOffset() {
    return 6;
  }

  @Override
  public int length() {
    return LENGTH;
  }

  @Override
  public void encode(ByteBuf out) {
    out.writeShort(sourcePort);
    out.writeShort(destinationPort);
    out.writeShort(datagramLength);
    out.writeShort(0);
  }

  @Override
  public String summary() {
    return "udp " + sourcePort + " > " + destinationPort + " len " + (datagramLength - LENGTH);
  }
}
