package dev.weft.engine.packet;

import io.netty.buffer.ByteBuf;

/**
 * An ICMP header (RFC 792, RFC 1191): type, code and the 32-bit "rest of header", which holds the echo
 * identifier and sequence, or the next-hop MTU of a fragmentation-needed message.
 */
public record Icmpv4Header(int type, int code, long rest) implements TransportHeader {
  public static final int LENGTH = 8;
  public static final int ECHO_REPLY = 0;
  public static final int DESTINATION_UNREACHABLE = 3;
  public static final int ECHO_REQUEST = 8;
  public static final int TIME_EXCEEDED = 11;
  public static final int CODE_HOST_UNREACHABLE = 1;
  public static final int CODE_PORT_UNREACHABLE = 3;
  public static final int CODE_FRAGMENTATION_NEEDED = 4;

  public Icmpv4Header {
    Wire.checkRange("ICMP type", type, 0xff);
    Wire.checkRange("ICMP code", code, 0xff);
    Wire.checkRange("ICMP rest of header", rest, 0xffff_ffffL);
  }

  public static Icmpv4Header echoRequest(int identifier, int sequence) {
    return new Icmpv4Header(ECHO_REQUEST, 0, ((long) identifier << 16) | sequence);
  }

  /** Destination unreachable, fragmentation needed and DF set, with the next-hop MTU (RFC 1191). */
  public static Icmpv4Header fragmentationNeeded(int nextHopMtu) {
    return new Icmpv4Header(DESTINATION_UNREACHABLE, CODE_FRAGMENTATION_NEEDED, nextHopMtu & 0xffff);
  }

  public static Icmpv4Header timeExceeded() {
    return new Icmpv4Header(TIME_EXCEEDED, 0, 0);
  }

  /** Whether this message reports an error about another packet (and so quotes it). */
  public boolean reportsError() {
    return type == DESTINATION_UNREACHABLE || type == TIME_EXCEEDED || type == 12 || type == 5;
  }

  public int nextHopMtu() {
    return (int) (rest & 0xffff);
  }

  public static Icmpv4Header decode(ByteBuf in) {
    Wire.require(in, LENGTH, "ICMP header");
    return IcmpFields.read(in, Icmpv4Header::new);
  }

  @Override
  public int protocol() {
    return IpProtocol.ICMP;
  }

  @Override
  public int checksumOffset() {
    return 2;
  }

  @Override
  public boolean usesPseudoHeader() {
    return false;
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
      case ECHO_REQUEST -> "icmp echo request id " + (rest >>> 16) + " seq " + (rest & 0xffff);
      case ECHO_REPLY -> "icmp echo reply id " + (rest >>> 16) + " seq " + (rest & 0xffff);
      case DESTINATION_UNREACHABLE -> code == CODE_FRAGMENTATION_NEEDED
          ? "icmp unreachable, need to frag (mtu " + nextHopMtu() + ")"
          : "icmp unreachable code " + code;
      case TIME_EXCEEDED -> "icmp time exceeded in-transit";
      default -> "icmp type " + type + " code " + code;
    };
  }
}
