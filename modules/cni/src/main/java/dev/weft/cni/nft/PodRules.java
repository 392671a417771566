package dev.weft.cni.nft;

import dev.weft.cni.protocol.Attachment;
import dev.weft.linux.error.NetfilterApplyException;
import dev.weft.linux.netfilter.NetfilterApplier;
import dev.weft.linux.netns.NetnsRef;
import dev.weft.model.value.Cidr;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.IpFamily;
import dev.weft.model.value.Mac;
import dev.weft.model.value.InterfaceName;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The host-side rules of pods, kept in nftables tables named {@code weftcni} (family ip, ip6 and
 * bridge) so that an ADD or DEL changes them with one {@code nft -f} (one fork, one kernel transaction),
 * where the reference bridge plugin forks iptables several times.
 *
 * <p>Design note: the rules themselves are fixed; pods are set elements. Masquerade: a nat postrouting
 * chain does {@code ip saddr vmap @pods}; each pod address maps to {@code jump masq-<network>}, whose one
 * rule masquerades unless the destination is one of the network's own subnets or multicast (the
 * reference plugin's per-pod chain, shared per network). MAC spoof check: a bridge prerouting chain does
 * {@code iifname vmap @ports}; each guarded host veth maps to its own chain that drops other source
 * MACs. Every element carries the comment {@code weft:<network>/<container>/<ifname>}, so GC can find
 * the elements of attachments that are gone without any other state. Scripts use only {@code add}
 * (idempotent for tables, chains and maps) and re-create the fixed rules after a flush inside the same
 * transaction, so concurrent ADDs commute; removal adds the element before deleting it so that a second
 * DEL succeeds too (nft 1.0.6 has no {@code destroy}). An ADD first tries an add-only transaction
 * ({@code create element}): the kernel makes every transaction that deletes wait for an RCU grace
 * period, which is most of an nft run; only a first pod, a leftover or a repair takes the full script.
 */
public final class PodRules {
  static final String TABLE = "weftcni";
  /** How nft reports a missing element, chain or table (ENOENT). */
  private static final String NO_SUCH_OBJECT = "No such file or directory";

  private final NetfilterApplier applier;
  private final NetnsRef host;

  public PodRules(NetfilterApplier applier, NetnsRef host) {
    this.applier = applier;
    this.host = host;
  }

  /** What ADD installs for one attachment. */
  public record Install(String network, Attachment attachment, List<IpAddress> masquerade, List<Cidr> excluded,
      Optional<GuardedPort> spoofCheck) {
    public Install {
      masquerade = List.copyOf(masquerade);
      excluded = List.copyOf(excluded);
    }
  }

  /** A host veth whose frames must carry the pod's MAC. */
  public record GuardedPort(InterfaceName hostVeth, Mac mac) {}

  public void install(Install install) {
    if (install.masquerade().isEmpty() && install.spoofCheck().isEmpty()) {
      return;
    }
    if (applier.tryApplyNft(host, addOnly(install)).isPresent()) {
      applier.applyNft(host, full(install));
    }
  }

  /**
   * The common case in one transaction without a single deletion (each deletion makes the kernel's
   * commit wait ~13 ms for an RCU grace period, here): the pod's elements under {@code create}, and a
   * fresh port chain. It fails, changing nothing, when the tables or chains are missing, or an element
   * or port chain is left over from an attachment that is gone; {@link #full} handles those.
   */
  private static String addOnly(Install install) {
    StringBuilder s = new StringBuilder();
    String comment = comment(install.network(), install.attachment());
    for (IpFamily family : IpFamily.values()) {
      String f = nftFamily(family);
      String chain = masqChain(install.network(), install.excluded(), family);
      for (IpAddress ip : install.masquerade().stream().filter(a -> a.family() == family).toList()) {
        podElement(s, Verb.CREATE, f, ip, comment, chain);
      }
    }
    install.spoofCheck().ifPresent(port -> portRules(s, Verb.CREATE, port, comment));
    return s.toString();
  }

  /** Everything ADD needs, (re)built idempotently: tables, maps, the fixed rules, then the elements. */
  private static String full(Install install) {
    StringBuilder s = new StringBuilder();
    String comment = comment(install.network(), install.attachment());
    for (IpFamily family : IpFamily.values()) {
      List<IpAddress> ips = install.masquerade().stream().filter(a -> a.family() == family).toList();
      if (ips.isEmpty()) {
        continue;
      }
      String f = nftFamily(family);
      String chain = masqChain(install.network(), install.excluded(), family);
      masqBase(s, family, chain);
      List<String> excluded = install.excluded().stream().filter(c -> c.family() == family).map(Cidr::toString).toList();
      s.append("flush chain ").append(f).append(' ').append(TABLE).append(' ').append(chain).append('\n');
      s.append("add rule ").append(f).append(' ').append(TABLE).append(' ').append(chain).append(' ');
      if (!excluded.isEmpty()) {
        s.append(f).append(" daddr != { ").append(String.join(", ", excluded)).append(" } ");
      }
      s.append(f).append(" daddr != ").append(family == IpFamily.IPV4 ? "224.0.0.0/4" : "ff00::/8")
          .append(" masquerade\n");
      s.append("flush chain ").append(f).append(' ').append(TABLE).append(" postrouting\n");
      s.append("add rule ").append(f).append(' ').append(TABLE).append(" postrouting ").append(f)
          .append(" saddr vmap @pods\n");
      for (IpAddress ip : ips) {
        String element = " pods { " + ip + " : jump " + chain + " }\n";
        s.append("add element ").append(f).append(' ').append(TABLE).append(element);
        s.append("delete element ").append(f).append(' ').append(TABLE).append(" pods { ").append(ip).append(" }\n");
        podElement(s, Verb.ADD, f, ip, comment, chain);
      }
    }
    install.spoofCheck().ifPresent(port -> {
      portBase(s, portChain(port.hostVeth()));
      s.append("flush chain bridge ").append(TABLE).append(" prerouting\n");
      s.append("add rule bridge ").append(TABLE).append(" prerouting iifname vmap @ports\n");
      s.append("flush chain bridge ").append(TABLE).append(' ').append(portChain(port.hostVeth())).append('\n');
      portRules(s, Verb.ADD, port, comment);
    });
    return s.toString();
  }

  /** How an element or chain is written: {@code create} fails when it exists (a first ADD), {@code add} does not (a repair). */
  private enum Verb {
    CREATE, ADD;

    String keyword() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** A pod's masquerade element. */
  private static void podElement(StringBuilder s, Verb verb, String family, IpAddress ip, String comment, String chain) {
    s.append(verb.keyword()).append(" element ").append(family).append(' ').append(TABLE).append(" pods { ").append(ip)
        .append(" comment \"").append(comment).append("\" : jump ").append(chain).append(" }\n");
  }

  /** A guarded port's chain, its MAC rule and its element; "create" fails when the chain or element exists. */
  private static void portRules(StringBuilder s, Verb verb, GuardedPort port, String comment) {
    String chain = portChain(port.hostVeth());
    if (verb == Verb.CREATE) {
      s.append("create chain bridge ").append(TABLE).append(' ').append(chain).append('\n');
    }
    s.append("add rule bridge ").append(TABLE).append(' ').append(chain).append(" ether saddr != ")
        .append(port.mac()).append(" drop\n");
    s.append(verb.keyword()).append(" element bridge ").append(TABLE).append(" ports { \"").append(port.hostVeth())
        .append("\" comment \"").append(comment).append("\" : jump ").append(chain).append(" }\n");
  }

  /**
   * Removes the elements of these addresses and these ports (and the ports' chains), whether or not they
   * exist. All in one transaction first; when that is refused because something is already gone (a
   * second DEL, an ADD that never got that far), each part is deleted on its own and only "no such
   * element/chain/table" is taken as done: any other refusal is an error. Deleting needs no verdict or
   * chain name, so elements made under an earlier configuration of the network go too.
   */
  public void remove(List<IpAddress> masquerade, List<InterfaceName> guardedPorts) {
    List<String> parts = new ArrayList<>();
    for (IpAddress ip : masquerade) {
      parts.add("delete element " + nftFamily(ip.family()) + " " + TABLE + " pods { " + ip + " }\n");
    }
    guardedPorts.forEach(port -> {
      parts.add("delete element bridge " + TABLE + " ports { \"" + port + "\" }\n");
      parts.add("flush chain bridge " + TABLE + " " + portChain(port) + "\ndelete chain bridge " + TABLE + " "
          + portChain(port) + "\n");
    });
    if (parts.isEmpty() || applier.tryApplyNft(host, String.join("", parts)).isEmpty()) {
      return;
    }
    for (String part : parts) {
      applier.tryApplyNft(host, part).filter(complaint -> !complaint.contains(NO_SUCH_OBJECT)).ifPresent(complaint -> {
        throw new NetfilterApplyException("remove pod rules in " + host.describe(), 1, complaint.strip());
      });
    }
  }

  private static void masqBase(StringBuilder s, IpFamily family, String chain) {
    String f = nftFamily(family);
    tableAndMap(s, family);
    s.append("add chain ").append(f).append(' ').append(TABLE)
        .append(" postrouting { type nat hook postrouting priority srcnat; policy accept; }\n");
    s.append("add chain ").append(f).append(' ').append(TABLE).append(' ').append(chain).append('\n');
  }

  private static void tableAndMap(StringBuilder s, IpFamily family) {
    String f = nftFamily(family);
    s.append("add table ").append(f).append(' ').append(TABLE).append('\n');
    s.append("add map ").append(f).append(' ').append(TABLE).append(" pods { type ")
        .append(family == IpFamily.IPV4 ? "ipv4_addr" : "ipv6_addr").append(" : verdict; }\n");
  }

  private static void portBase(StringBuilder s, String chain) {
    s.append("add table bridge ").append(TABLE).append('\n');
    s.append("add map bridge ").append(TABLE).append(" ports { type ifname : verdict; }\n");
    s.append("add chain bridge ").append(TABLE)
        .append(" prerouting { type filter hook prerouting priority -300; policy accept; }\n");
    s.append("add chain bridge ").append(TABLE).append(' ').append(chain).append('\n');
  }

  static String nftFamily(IpFamily family) {
    return family == IpFamily.IPV4 ? "ip" : "ip6";
  }

  /**
   * One chain per network and set of excluded subnets: the add-only path trusts a chain that exists to
   * hold the right rule, so a changed configuration must name a new chain. Hashed because nft
   * identifiers exclude some characters of network names.
   */
  static String masqChain(String network, List<Cidr> excluded, IpFamily family) {
    return "masq-" + hex(network) + "-" + hex(excluded.stream().filter(c -> c.family() == family)
        .map(Cidr::toString).toList().toString());
  }

  static String portChain(InterfaceName port) {
    return "port-" + port.value();
  }

  public static String comment(String network, Attachment attachment) {
    return "weft:" + network + "/" + attachment.containerId() + "/" + attachment.ifName();
  }

  static String hex(String text) {
    String s = Integer.toHexString(text.hashCode());
    return "0".repeat(8 - s.length()) + s;
  }
}
