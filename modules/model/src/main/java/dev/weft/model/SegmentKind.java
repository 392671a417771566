package dev.weft.model;

/** What a segment stands for. */
public enum SegmentKind {
  /** The network that joins hosts' uplinks and carries tunnels. */
  UNDERLAY,
  /** A network outside the topology: traffic routed onto it towards unknown addresses leaves the model. */
  EXTERNAL
}
