package dev.weft.linux.netfilter;

import dev.weft.linux.error.NetfilterApplyException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that an nft script names only weft-owned tables and finds the tables it defines. Statements
 * are recognised line by line; inside a {@code table ... { }} block, chains and rules need no check
 * because the block's table was checked.
 */
final class NftOwnership {
  private static final String FAMILY = "(?:(ip|ip6|inet|arp|bridge|netdev)\\s+)?";
  private static final Pattern TABLE = Pattern.compile(
      "^\\s*(?:(add|create|delete|destroy|flush|list)\\s+)?table\\s+" + FAMILY + "([^\\s{;]+)\\s*(\\{)?");
  private static final Pattern OBJECT = Pattern.compile(
      "^\\s*(?:add|create|insert|replace|delete|destroy|flush|list|reset)\\s+"
          + "(?:rule|chain|set|map|element|flowtable|counter|quota|limit|ct\\s+\\S+|secmark|synproxy)\\s+"
          + FAMILY + "([^\\s{;]+)");
  private static final Pattern FORBIDDEN = Pattern.compile("^\\s*(flush\\s+ruleset|include\\b|delete\\s+ruleset)");

  private final String prefix;

  NftOwnership(String prefix) {
    this.prefix = prefix;
  }

  /** The tables the script defines with a block, in order; throws if it touches a foreign table. */
  Set<NftTable> definedTables(String script, String operation) {
    Set<NftTable> defined = new LinkedHashSet<>();
    String[] lines = script.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = stripComment(lines[i]);
      if (FORBIDDEN.matcher(line).find()) {
        throw refuse(operation, i, line, "only weft's own tables may be changed");
      }
      Matcher t = TABLE.matcher(line);
      if (t.find()) {
        NftTable table = new NftTable(t.group(2) == null ? "ip" : t.group(2), t.group(3));
        requireOwned(table.name(), operation, i, line);
        if (t.group(1) == null && t.group(4) != null) {
          defined.add(table);
        }
        continue;
      }
      Matcher o = OBJECT.matcher(line);
      if (o.find()) {
        requireOwned(o.group(2), operation, i, line);
      }
    }
    return defined;
  }

  private void requireOwned(String table, String operation, int line, String text) {
    if (!table.startsWith(prefix)) {
      throw refuse(operation, line, text, "table '" + table + "' is not weft's (names must start with '" + prefix + "')");
    }
  }

  private static NetfilterApplyException refuse(String operation, int line, String text, String why) {
    return new NetfilterApplyException(operation, -1, "line " + (line + 1) + ": " + why + ": " + text.strip());
  }

  private static String stripComment(String line) {
    int hash = line.indexOf('#');
    return hash < 0 ? line : line.substring(0, hash);
  }
}
