package dev.weft.sim;

/** Which traffic a trace step is about. */
public enum Role {
  /** The traced packet itself (in any encapsulation, and its fragments). */
  PACKET,
  /** ARP or neighbour discovery traffic done on its behalf. */
  RESOLUTION,
  /** An ICMP error it caused, on its way back to the source. */
  ERROR
}
