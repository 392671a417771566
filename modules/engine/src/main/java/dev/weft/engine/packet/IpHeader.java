package dev.weft.engine.packet;

import dev.weft.model.value.IpAddress;
import dev.weft.model.value.IpFamily;

/** The fields IPv4 and IPv6 have in common, so forwarding code can treat both alike. */
public sealed interface IpHeader extends Header permits Ipv4Header, Ipv6Header {

  IpFamily family();

  IpAddress source();

  IpAddress destination();

  /** The IPv4 protocol or IPv6 next header. */
  int protocol();

  /** TTL or hop limit. */
  int hopLimit();

  /** Header plus payload, in bytes. */
  int packetLength();
}
