package dev.weft.model;

/** Whether a namespace is a host's own stack or a container's. */
public enum NamespaceRole {
  /** The root network namespace of a host: bridges, tunnels and uplinks live here. */
  HOST,
  /** A pod's or container's namespace on a host. */
  CONTAINER
}
