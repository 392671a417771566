package dev.weft.engine.packet;

/**
 * A header whose checksum covers its payload: TCP, UDP, ICMP and ICMPv6. {@link #encode} writes a zero
 * checksum; {@link PacketWriter} fills it in once the payload (and for TCP, UDP and ICMPv6 the IP
 * pseudo-header) is known.
 */
public sealed interface TransportHeader extends Header permits TcpHeader, UdpHeader, Icmpv4Header, Icmpv6Header {

  /** The IP protocol number this header is carried under. */
  int protocol();

  /** Where the checksum field sits, counted from the start of this header. */
  int checksumOffset();

  /** Whether the checksum includes the IP pseudo-header (all but ICMPv4). */
  default boolean usesPseudoHeader() {
    return true;
  }

  /** The source port, or 0 for ICMP. */
  default int sourcePort() {
    return 0;
  }

  /** The destination port, or 0 for ICMP. */
  default int destinationPort() {
    return 0;
  }
}
