package dev.weft.engine.l3;

/** How an interface frames packets. */
public enum LinkType {
  /** Ethernet frames; next hops are resolved with ARP or NDP. */
  ETHERNET,
  /** Bare IP packets on a point-to-point link (L3 GRE): no link header, no neighbour resolution. */
  RAW_IP,
  /** The namespace's loopback: packets come straight back in. */
  LOOPBACK
}
