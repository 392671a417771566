package dev.weft.cni.protocol;

import java.util.Optional;

/** The value of {@code CNI_COMMAND}, with the environment each command needs and its minimum version. */
public enum CniCommand {
  ADD(true, true, true, CniVersion.V0_3_0),
  DEL(true, false, true, CniVersion.V0_3_0),
  CHECK(true, true, true, CniVersion.V0_4_0),
  GC(false, false, false, CniVersion.V1_1_0),
  STATUS(false, false, false, CniVersion.V1_1_0),
  VERSION(false, false, false, CniVersion.V0_3_0);

  private final boolean needsContainerId;
  private final boolean needsNetns;
  private final boolean needsIfName;
  private final CniVersion since;

  CniCommand(boolean needsContainerId, boolean needsNetns, boolean needsIfName, CniVersion since) {
    this.needsContainerId = needsContainerId;
    this.needsNetns = needsNetns;
    this.needsIfName = needsIfName;
    this.since = since;
  }

  public static Optional<CniCommand> parse(String text) {
    for (CniCommand c : values()) {
      if (c.name().equals(text)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  public boolean needsContainerId() {
    return needsContainerId;
  }

  public boolean needsNetns() {
    return needsNetns;
  }

  public boolean needsIfName() {
    return needsIfName;
  }

  /** GC needs {@code CNI_PATH}; it is the only command for which the spec requires it. */
  public boolean needsPath() {
    return this == GC;
  }

  /** The first spec version that has this command. */
  public CniVersion since() {
    return since;
  }
}
