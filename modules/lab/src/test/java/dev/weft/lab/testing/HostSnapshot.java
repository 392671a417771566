package dev.weft.lab.testing;

import dev.weft.lab.LabName;
import dev.weft.linux.testing.Shell;
import java.util.List;

/**
 * What this machine holds that a lab could leave behind, as iproute2, bridge, iptables-save and nft list
 * it: namespace names, links, FDB entries and rules of the home namespace. Entries that do not mention
 * the lab are left out, since other tests may add and remove their own at the same time.
 */
public record HostSnapshot(List<String> namespaces, List<String> links, List<String> fdb, List<String> iptables,
    List<String> nft) {

  public static HostSnapshot of(LabName lab) {
    String name = lab.value();
    return new HostSnapshot(
        Shell.netnsNames().stream().filter(n -> n.startsWith(name + "-")).sorted().toList(),
        Shell.linkNames("").stream().filter(n -> n.contains(name)).sorted().toList(),
        mentioning(Shell.ok("bridge", "fdb", "show"), name),
        mentioning(Shell.ok("iptables-save"), name),
        mentioning(Shell.ok("nft", "list", "ruleset"), name));
  }

  /** Also counts entries that name weft's own chains or tables, which only labs and weft create. */
  public static HostSnapshot weftRules() {
    return new HostSnapshot(List.of(), List.of(), List.of(),
        mentioning(Shell.ok("iptables-save"), "WEFT"), mentioning(Shell.ok("nft", "list", "ruleset"), "weftprobe"));
  }

  private static List<String> mentioning(String text, String what) {
    return text.lines().filter(l -> l.contains(what)).sorted().toList();
  }

  public boolean isEmpty() {
    return namespaces.isEmpty() && links.isEmpty() && fdb.isEmpty() && iptables.isEmpty() && nft.isEmpty();
  }
}
