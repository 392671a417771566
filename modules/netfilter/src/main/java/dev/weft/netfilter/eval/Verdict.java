package dev.weft.netfilter.eval;

/** How a table (or the whole pipeline) ends for a packet. UNKNOWN: a rule weft cannot interpret decides. */
public enum Verdict {
  ACCEPT,
  DROP,
  REJECT,
  UNKNOWN
}
