package dev.weft.engine.packet;

import io.netty.buffer.ByteBuf;

/**
 * An ICMPv6 header (RFC 4443): type, code and the 32-bit field after the checksum (echo identifier and
 * sequence, the MTU of a packet-too-big, or the flags of a neighbour advertisement).
 */
public record Icmpv6Header(int type, int code, long rest) implements TransportHeader {
  public static final int LENGTH = 8;
  public static final int DESTINATION_UNREACHABLE = 1;
  public static final int PACKET_TOO_BIG = 2;
  public static final int TIME_EXCEEDED = 3;
  public static final int ECHO_REQUEST = 128;
  public static final int ECHO_REPLY = 129;
  public static final int NEIGHBOR_SOLICITATION = 135;
  public static final int NEIGHBOR_ADVERTISEMENT = 136;
  /** Neighbour advertisement flags (RFC 4861 section 4.4). */
  public static final long FLAG_SOLICITED = 0x4000_0000L;
  public static final long FLAG_OVERRIDE = 0x2000_0000L;

  public Icmpv6Header {
    Wire.checkRange("ICMPv6 type", type, 0xff);
    Wire.checkRange("ICMPv6 code", code, 0xff);
    Wire.checkRange("ICMPv6 rest of header", rest, 0xffff_ffffL);
  }

  public static Icmpv6Header echoRequest(int identifier, int sequence) {
    return new Icmpv6Header(ECHO_REQUEST, 0, ((long) identifier << 16) | sequence);
  }

  public static Icmpv6Header packetTooBig(int mtu) {
    return new Icmpv6Header(PACKET_TOO_BIG, 0, mtu);
  }

  public static Icmpv6Header timeExceeded() {
    return new Icmpv6Header(TIME_EXCEEDED, 0, 0);
  }

  public boolean reportsError() {
    return type < 128;
  }

  public static Icmpv6Header decode(ByteBuf in) {
    Wire.require(in, LENGTH, "ICMPv6 header");
    return IcmpFields.read(in, Icmpv6Header::new);
  }

  @Override
  public int protocol() {
    return IpProtocol.ICMPV6;
  }

  @Override
  public int checksumOffset() {
    return 2;
  }

  @Override
  public int length() {
    return LENGTH;
  }

  @Override
  public void encode(ByteBuf out) {
    IcmpFields.write(out, type, code, rest);
  }

  @Override
  public String summary() {
    return switch (type) {
      case ECHO_REQUEST -> "icmp6 echo request id " + (rest >>> 16) + " seq " + (rest & 0xffff);
      case ECHO_REPLY -> "icmp6 echo reply id " + (rest >>> 16) + " seq " + (rest & 0xffff);
      case PACKET_TOO_BIG -> "icmp6 packet too big, mtu " + rest;
      case TIME_EXCEEDED -> "icmp6 time exceeded in-transit";
      case NEIGHBOR_SOLICITATION -> "icmp6 neighbor solicitation";
      case NEIGHBOR_ADVERTISEMENT -> "icmp6 neighbor advertisement";
      default -> "icmp6 type " + type + " code " + code;
    };
  }
}
