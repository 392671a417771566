package dev.weft.model.netfilter;

/** The policy of a built-in chain: what happens to a packet that falls off its end (ACCEPT or DROP only). */
public enum Policy {
  ACCEPT,
  DROP
}
