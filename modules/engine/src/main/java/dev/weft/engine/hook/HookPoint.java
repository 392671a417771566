package dev.weft.engine.hook;

/** The five netfilter hooks of an IP stack, in the order a forwarded packet meets three of them. */
public enum HookPoint {
  PREROUTING, INPUT, FORWARD, OUTPUT, POSTROUTING
}
