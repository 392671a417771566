package dev.weft.netfilter.save;

import dev.weft.document.DiagnosticKind;

/** The kinds of diagnostics the iptables-save and ipset save readers report. */
public enum SaveProblemKind implements DiagnosticKind {
  /** The file cannot be read. */
  UNREADABLE("unreadable"),
  /** A line iptables-restore (or ipset restore) would refuse. */
  SYNTAX("rule-syntax"),
  /** A match weft keeps as Unknown: verdicts that depend on it are UNKNOWN. */
  UNINTERPRETED_MATCH("uninterpreted-match"),
  /** A target weft keeps as Unknown: verdicts that reach it are UNKNOWN. */
  UNINTERPRETED_TARGET("uninterpreted-target"),
  /** An ipset weft does not evaluate: rules that test it are UNKNOWN. */
  UNEVALUATED_IPSET("unevaluated-ipset");

  private final String id;

  SaveProblemKind(String id) {
    this.id = id;
  }

  @Override
  public String id() {
    return id;
  }
}
