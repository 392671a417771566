package dev.weft.netfilter.eval;

import dev.weft.model.netfilter.ConnState;

/**
 * What conntrack says about a packet: its state (INVALID, NEW, RELATED, ESTABLISHED or UNTRACKED) and
 * whether its connection has a source or destination translation (the virtual SNAT/DNAT states).
 */
public record CtInfo(ConnState state, boolean snat, boolean dnat) {
  public static final CtInfo NEW = new CtInfo(ConnState.NEW, false, false);
  public static final CtInfo ESTABLISHED = new CtInfo(ConnState.ESTABLISHED, false, false);

  public CtInfo {
    if (state == ConnState.SNAT || state == ConnState.DNAT) {
      throw new IllegalArgumentException("SNAT and DNAT are flags, not a packet's state");
    }
  }

  public boolean matches(java.util.Set<ConnState> states) {
    return states.contains(state) || (snat && states.contains(ConnState.SNAT)) || (dnat && states.contains(ConnState.DNAT));
  }
}
