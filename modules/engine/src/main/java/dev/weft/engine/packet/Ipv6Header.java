package dev.weft.engine.packet;

import dev.weft.model.value.IpAddress;
import dev.weft.model.value.IpFamily;
import io.netty.buffer.ByteBuf;

/** The fixed IPv6 header (RFC 8200). Extension headers are not modelled. */
public record Ipv6Header(
    int trafficClass, int flowLabel, int payloadLength, int nextHeader, int hopLimit, IpAddress source,
    IpAddress destination) implements IpHeader {
  public static final int LENGTH = 40;
  public static final int HOP_LIMIT_OFFSET = 7;
  public static final int SOURCE_OFFSET = 8;
  public static final int DESTINATION_OFFSET = 24;

  public Ipv6Header {
    Wire.checkRange("traffic class", trafficClass, 0xff);
    Wire.checkRange("flow label", flowLabel, 0xfffff);
    Wire.checkRange("payload length", payloadLength, 0xffff);
    Wire.checkRange("next header", nextHeader, 0xff);
    Wire.checkRange("hop limit", hopLimit, 0xff);
    Wire.requireFamily("IPv6 source", source, IpFamily.IPV6);
    Wire.requireFamily("IPv6 destination", destination, IpFamily.IPV6);
  }

  public static Ipv6Header of(IpAddress source, IpAddress destination, int nextHeader, int payloadLength) {
    return new Ipv6Header(0, 0, payloadLength, nextHeader, 64, source, destination);
  }

  public static Ipv6Header decode(ByteBuf in) {
    Wire.require(in, LENGTH, "IPv6 header");
    int first = in.readInt();
    if ((first >>> 28) != 6) {
      throw new MalformedPacketException("IPv6 header", "version " + (first >>> 28));
    }
    int payload = in.readUnsignedShort();
    int next = in.readUnsignedByte();
    int hops = in.readUnsignedByte();
    IpAddress src = Wire.readAddress(in, IpFamily.IPV6);
    IpAddress dst = Wire.readAddress(in, IpFamily.IPV6);
    Wire.require(in, payload, "IPv6 payload");
    return new Ipv6Header((first >>> 20) & 0xff, first & 0xfffff, payload, next, hops, src, dst);
  }

  @Override
  public IpFamily family() {
    return IpFamily.IPV6;
  }

  @Override
  public int protocol() {
    return nextHeader;
  }

  @Override
  public int packetLength() {
    return LENGTH + payloadLength;
  }

  public Ipv6Header withPayloadLength(int length) {
    return new Ipv6Header(trafficClass, flowLabel, length, nextHeader, hopLimit, source, destination);
  }

  @Override
  public int length() {
    return LENGTH;
  }

  @Override
  public void encode(ByteBuf out) {
    out.writeInt((6 << 28) | (trafficClass << 20) | flowLabel);
    out.writeShort(payloadLength);
    out.writeByte(nextHeader);
    out.writeByte(hopLimit);
    Wire.writeAddress(out, source);
    Wire.writeAddress(out, destination);
  }

  @Override
  public String summary() {
    return "ip6 " + source + " > " + destination + " " + IpProtocol.name(nextHeader) + " hlim " + hopLimit
        + " plen " + payloadLength;
  }
}
