package dev.weft.linux.netfilter;

import dev.weft.linux.error.NetfilterApplyException;
import java.util.Set;

/**
 * Checks an iptables-restore input for weft ownership: chain declarations, rules, flushes and deletes
 * may name only chains with weft's prefix; built-in chains are reached only through {@link
 * IptablesHook}s, which the applier manages.
 */
final class IptablesOwnership {
  private static final Set<String> TABLES = Set.of("filter", "nat", "mangle", "raw", "security");
  private static final Set<String> CHAIN_OPTIONS =
      Set.of("-A", "--append", "-I", "--insert", "-D", "--delete", "-R", "--replace", "-N", "--new-chain",
          "-F", "--flush", "-X", "--delete-chain", "-Z", "--zero");

  private final String prefix;

  IptablesOwnership(String prefix) {
    this.prefix = prefix;
  }

  void check(String input, String operation) {
    String[] lines = input.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#") || line.equals("COMMIT")) {
        continue;
      }
      if (line.startsWith("*")) {
        if (!TABLES.contains(line.substring(1))) {
          throw refuse(operation, i, line, "unknown table");
        }
      } else if (line.startsWith(":")) {
        requireOwned(line.substring(1).split("\\s+")[0], operation, i, line);
      } else {
        String[] words = line.split("\\s+");
        if (!CHAIN_OPTIONS.contains(words[0])) {
          throw refuse(operation, i, line, "expected a chain declaration, a rule or COMMIT");
        }
        if (words.length < 2 || words[1].startsWith("-")) {
          throw refuse(operation, i, line, words[0] + " without a chain would touch every chain");
        }
        requireOwned(words[1], operation, i, line);
      }
    }
  }

  private void requireOwned(String chain, String operation, int line, String text) {
    if (!chain.startsWith(prefix)) {
      throw refuse(operation, line, text, "chain '" + chain + "' is not weft's (names must start with '" + prefix
          + "'; reach built-in chains through an IptablesHook)");
    }
  }

  private static NetfilterApplyException refuse(String operation, int line, String text, String why) {
    return new NetfilterApplyException(operation, -1, "line " + (line + 1) + ": " + why + ": " + text);
  }
}
