package dev.weft.model.netfilter;

/** The address types {@code -m addrtype} tests (the kernel's route types), in iptables-save order. */
public enum AddressType {
  UNSPEC,
  UNICAST,
  LOCAL,
  BROADCAST,
  ANYCAST,
  MULTICAST,
  BLACKHOLE,
  UNREACHABLE,
  PROHIBIT,
  THROW,
  NAT,
  XRESOLVE
}
