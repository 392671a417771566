package dev.weft.model.netfilter;

/**
 * The states {@code -m conntrack --ctstate} tests, in the order iptables-save prints them. SNAT and
 * DNAT are virtual states: the connection's addresses were translated in that direction.
 */
public enum ConnState {
  INVALID,
  NEW,
  RELATED,
  ESTABLISHED,
  UNTRACKED,
  SNAT,
  DNAT
}
