package dev.weft.linux.link;

import java.util.Arrays;
import java.util.Optional;

/** IFLA_MACVLAN_MODE values (linux/if_link.h). */
public enum MacvlanMode {
  PRIVATE(1),
  VEPA(2),
  BRIDGE(4),
  PASSTHRU(8),
  SOURCE(16);

  private final int value;

  MacvlanMode(int value) {
    this.value = value;
  }

  public int value() {
    return value;
  }

  public static Optional<MacvlanMode> of(int value) {
    return Arrays.stream(values()).filter(m -> m.value == value).findFirst();
  }
}
