package dev.weft.linux.netfilter;

import dev.weft.linux.netns.NetnsRef;
import dev.weft.model.value.IpFamily;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Applies rendered rule sets inside a namespace, the way kube-proxy and Calico do: by feeding text to
 * {@code nft -f -} or {@code iptables-restore --noflush}, each of which commits the whole input as one
 * kernel transaction or nothing.
 *
 * <p>Design note: weft owns nft tables whose names start with {@code weft} and iptables chains whose
 * names start with {@code WEFT}; any input that names something else is refused before running a
 * tool. An nft table defined in the input replaces the live one atomically: the script is prefixed
 * with {@code table F N} (create if absent) and {@code delete table F N}, inside the same transaction,
 * so readers see the old table or the new one, never none. iptables chains declared in the input are
 * flushed and refilled by iptables-restore; jumps from built-in chains come from {@link IptablesHook}s
 * and are inserted once.
 */
public final class NetfilterApplier {
  public static final String NFT_PREFIX = "weft";
  public static final String IPTABLES_PREFIX = "WEFT";

  private final NftOwnership nft = new NftOwnership(NFT_PREFIX);
  private final IptablesOwnership iptables = new IptablesOwnership(IPTABLES_PREFIX);

  /** Applies an nft script; every table it defines replaces the live table of that name atomically. */
  public void applyNft(NetnsRef ns, String script) {
    String operation = "apply nft rule set in " + ns.describe();
    NamespaceCommand.runChecked(ns, List.of("nft", "-f", "-"), transaction(script, operation), operation);
  }

  /**
   * Applies an nft script when the kernel accepts it: empty when applied, else what nft said. A refused
   * script changes nothing (one transaction). For fast paths that fall back to a full script, and for
   * deletions where "no such element" means done.
   */
  public Optional<String> tryApplyNft(NetnsRef ns, String script) {
    String operation = "apply nft rule set in " + ns.describe();
    NamespaceCommand.Result r = NamespaceCommand.run(ns, List.of("nft", "-f", "-"), transaction(script, operation), operation);
    return r.exitCode() == 0 ? Optional.empty() : Optional.of(r.stderr().isBlank() ? "nft exited " + r.exitCode() : r.stderr());
  }

  /** Validates the script with {@code nft -c} (nothing is changed). */
  public void checkNft(NetnsRef ns, String script) {
    String operation = "check nft rule set in " + ns.describe();
    NamespaceCommand.runChecked(ns, List.of("nft", "-c", "-f", "-"), transaction(script, operation), operation);
  }

  String transaction(String script, String operation) {
    Set<NftTable> tables = nft.definedTables(script, operation);
    StringBuilder sb = new StringBuilder();
    for (NftTable t : tables) {
      sb.append("table ").append(t).append('\n').append("delete table ").append(t).append('\n');
    }
    return sb.append(script).append(script.endsWith("\n") ? "" : "\n").toString();
  }

  /** Removes a weft table if present (create-then-delete, so a missing table is not an error). */
  public void deleteNftTable(NetnsRef ns, NftTable table) {
    String operation = "delete nft table " + table + " in " + ns.describe();
    String script = "table " + table + "\ndelete table " + table + "\n";
    nft.definedTables(script, operation);
    NamespaceCommand.runChecked(ns, List.of("nft", "-f", "-"), script, operation);
  }

  /** {@code nft list ruleset} in the namespace. */
  public String listNft(NetnsRef ns) {
    return NamespaceCommand.runChecked(ns, List.of("nft", "list", "ruleset"), "", "list nft rule set in " + ns.describe());
  }

  /**
   * Applies an iptables-restore input with {@code --noflush}: only the WEFT chains it declares are
   * flushed and refilled; then each hook's jump is inserted, in the same transaction, if missing.
   */
  public void applyIptables(NetnsRef ns, IpFamily family, String input, List<IptablesHook> hooks) {
    String operation = "apply iptables rule set in " + ns.describe();
    iptables.check(input, operation);
    String full = input.endsWith("\n") || input.isEmpty() ? input : input + "\n";
    for (IptablesHook hook : hooks) {
      iptables.check(":" + hook.weftChain() + " - [0:0]", operation);
      NamespaceCommand.Result present = NamespaceCommand.run(ns,
          List.of(tool(family, false), "-w", "-t", hook.table(), "-C", hook.builtinChain(), "-j", hook.weftChain()),
          "", operation);
      if (present.exitCode() != 0) {
        full = withRule(full, hook.table(), "-I " + hook.builtinChain() + " 1 -j " + hook.weftChain());
      }
    }
    NamespaceCommand.runChecked(ns, List.of(tool(family, true), "--noflush", "-w"), full, operation);
  }

  /** Adds {@code rule} before the COMMIT of the {@code table} section, so it commits with that table. */
  static String withRule(String input, String table, String rule) {
    List<String> lines = new java.util.ArrayList<>(List.of(input.split("\n", -1)));
    boolean inTable = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.startsWith("*")) {
        inTable = line.equals("*" + table);
      } else if (inTable && line.equals("COMMIT")) {
        lines.add(i, rule);
        return String.join("\n", lines);
      }
    }
    return input + "*" + table + "\n" + rule + "\nCOMMIT\n";
  }

  /** {@code iptables-save} (or ip6tables-save) in the namespace. */
  public String saveIptables(NetnsRef ns, IpFamily family) {
    String save = family == IpFamily.IPV4 ? "iptables-save" : "ip6tables-save";
    return NamespaceCommand.runChecked(ns, List.of(save), "", "save iptables rules in " + ns.describe());
  }

  private static String tool(IpFamily family, boolean restore) {
    String base = family == IpFamily.IPV4 ? "iptables" : "ip6tables";
    return restore ? base + "-restore" : base;
  }
}
