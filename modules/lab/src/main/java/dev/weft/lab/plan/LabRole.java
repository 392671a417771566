package dev.weft.lab.plan;

import java.util.Locale;

/** What a lab namespace stands for. */
public enum LabRole {
  /** A host's root namespace. */
  HOST,
  /** A container's own namespace. */
  CONTAINER,
  /** A segment (an underlay or external network): a bridge that the uplinks of hosts plug into. */
  SEGMENT;

  public String keyword() {
    return name().toLowerCase(Locale.ROOT);
  }
}
