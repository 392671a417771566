package dev.weft.sim;

/** Why a traced packet was dropped, as the trace's final disposition reports it. */
public enum DropCause {
  /** No route matched (or a namespace on the way does not forward). */
  NO_ROUTE,
  /** The next hop did not answer ARP or neighbour discovery, or the link led nowhere. */
  NEIGHBOR_UNREACHABLE,
  /** Too big for a link and not fragmentable. */
  MTU_EXCEEDED,
  /** A routing or bridging loop: the packet came back, or its TTL ran out. */
  LOOP,
  /** The destination address belongs to nothing in the model (or the namespace has no address). */
  NO_SUCH_ADDRESS,
  /** A netfilter rule dropped or rejected it. */
  POLICY
}
