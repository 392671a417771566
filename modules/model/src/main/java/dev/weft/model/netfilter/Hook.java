package dev.weft.model.netfilter;

/** The five IPv4 netfilter hooks, in the order a forwarded packet meets them. */
public enum Hook {
  PREROUTING,
  INPUT,
  FORWARD,
  OUTPUT,
  POSTROUTING;

  /** The built-in chain that the hook runs in every table that registers at it. */
  public ChainName chain() {
    return ChainName.of(name());
  }
}
