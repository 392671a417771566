package dev.weft.linux.link;

/** RFC 2863 operational state, IFLA_OPERSTATE (IF_OPER_* in linux/if.h), in numeric order. */
public enum OperState {
  UNKNOWN,
  NOTPRESENT,
  DOWN,
  LOWERLAYERDOWN,
  TESTING,
  DORMANT,
  UP;

  public static OperState of(int value) {
    return value >= 0 && value < values().length ? values()[value] : UNKNOWN;
  }
}
