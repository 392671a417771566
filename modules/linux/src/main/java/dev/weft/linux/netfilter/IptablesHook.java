package dev.weft.linux.netfilter;

/**
 * A jump from a built-in chain into a weft chain, e.g. {@code filter FORWARD -> WEFT-FORWARD}. The
 * applier inserts it at the top of the built-in chain when it is missing, and never twice.
 */
public record IptablesHook(String table, String builtinChain, String weftChain) {}
