package dev.weft.model;

import java.util.Locale;

/** How a container gets its network, as a CNI plugin's mode would give it. */
public enum NetworkMode {
  /** Own namespace, veth to a bridge on the host. */
  BRIDGE,
  /** Own namespace, veth to a bridge whose traffic crosses hosts over a tunnel. */
  OVERLAY,
  /** No namespace of its own: shares the host's stack. */
  HOST,
  /** Own namespace with loopback only. */
  NONE;

  public String keyword() {
    return name().toLowerCase(Locale.ROOT);
  }
}
