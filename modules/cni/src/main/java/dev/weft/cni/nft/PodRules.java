package dev.weft.cni.nft;

import dev.weft.cni.protocol.Attachment;
import dev.weft.linux.netfilter.NetfilterApplier;
import dev.weft.linux.netns.NetnsRef;
import dev.weft.model.value.Cidr;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.IpFamily;
import dev.weft.model.value.Mac;
import dev.weft.model.value.InterfaceName;
import java.util.List;
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
 * DEL succeeds too (nft 1.0.6 has no {@code destroy}).
 */
public final class PodRules {
  static final String TABLE = "weftcni";

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
    StringBuilder s = new StringBuilder();
    String comment = comment(install.network(), install.attachment());
    for (IpFamily family : IpFamily.values()) {
      List<IpAddress> ips = install.masquerade().stream().filter(a -> a.family() == family).toList();
      if (ips.isEmpty()) {
        continue;
      }
      String f = nftFamily(family);
      String chain = masqChain(install.network());
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
        s.append("add element ").append(f).append(' ').append(TABLE).append(" pods { ").append(ip)
            .append(" comment \"").append(comment).append("\" : jump ").append(chain).append(" }\n");
      }
    }
    install.spoofCheck().ifPresent(port -> {
      String chain = portChain(port.hostVeth());
      portBase(s, chain);
      s.append("flush chain bridge ").append(TABLE).append(" prerouting\n");
      s.append("add rule bridge ").append(TABLE).append(" prerouting iifname vmap @ports\n");
      s.append("flush chain bridge ").append(TABLE).append(' ').append(chain).append('\n');
      s.append("add rule bridge ").append(TABLE).append(' ').append(chain).append(" ether saddr != ")
          .append(port.mac()).append(" drop\n");
      s.append("add element bridge ").append(TABLE).append(" ports { \"").append(port.hostVeth())
          .append("\" comment \"").append(comment).append("\" : jump ").append(chain).append(" }\n");
    });
    applier.applyNft(host, s.toString());
  }

  /**
   * Removes the elements of these addresses and this port, whether or not they exist. {@code network}
   * names the chain the elements jump to.
   */
  public void remove(String network, List<IpAddress> masquerade, Optional<InterfaceName> guardedPort) {
    if (masquerade.isEmpty() && guardedPort.isEmpty()) {
      return;
    }
    StringBuilder s = new StringBuilder();
    String chain = masqChain(network);
    for (IpFamily family : IpFamily.values()) {
      List<IpAddress> ips = masquerade.stream().filter(a -> a.family() == family).toList();
      if (ips.isEmpty()) {
        continue;
      }
      String f = nftFamily(family);
      masqBase(s, family, chain);
      for (IpAddress ip : ips) {
        s.append("add element ").append(f).append(' ').append(TABLE).append(" pods { ").append(ip)
            .append(" : jump ").append(chain).append(" }\n");
        s.append("delete element ").append(f).append(' ').append(TABLE).append(" pods { ").append(ip).append(" }\n");
      }
    }
    guardedPort.ifPresent(port -> {
      String portChain = portChain(port);
      portBase(s, portChain);
      s.append("add element bridge ").append(TABLE).append(" ports { \"").append(port).append("\" : jump ")
          .append(portChain).append(" }\n");
      s.append("delete element bridge ").append(TABLE).append(" ports { \"").append(port).append("\" }\n");
      s.append("flush chain bridge ").append(TABLE).append(' ').append(portChain).append('\n');
      s.append("delete chain bridge ").append(TABLE).append(' ').append(portChain).append('\n');
    });
    applier.applyNft(host, s.toString());
  }

  private static void masqBase(StringBuilder s, IpFamily family, String chain) {
    String f = nftFamily(family);
    s.append("add table ").append(f).append(' ').append(TABLE).append('\n');
    s.append("add map ").append(f).append(' ').append(TABLE).append(" pods { type ")
        .append(family == IpFamily.IPV4 ? "ipv4_addr" : "ipv6_addr").append(" : verdict; }\n");
    s.append("add chain ").append(f).append(' ').append(TABLE)
        .append(" postrouting { type nat hook postrouting priority srcnat; policy accept; }\n");
    s.append("add chain ").append(f).append(' ').append(TABLE).append(' ').append(chain).append('\n');
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

  /** One chain per network; the network name is hashed because nft identifiers exclude some of its characters. */
  public static String masqChain(String network) {
    return "masq-" + hex(network);
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
