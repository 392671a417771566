package dev.weft.sim;

/** How a traced packet's journey ended. */
public enum Outcome {
  /** It reached an application in the destination namespace. */
  DELIVERED,
  /** Something discarded it; the disposition says what and why. */
  DROPPED,
  /** It was routed onto an external network towards an address outside the model. */
  EXITS_NETWORK,
  /** A rule weft cannot interpret decides what happens to it: weft does not guess. */
  UNDETERMINED
}
