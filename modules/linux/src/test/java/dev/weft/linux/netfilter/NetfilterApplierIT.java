package dev.weft.linux.netfilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.linux.error.NetfilterApplyException;
import dev.weft.linux.netns.NetnsRef;
import dev.weft.linux.testing.Lab;
import dev.weft.linux.testing.Shell;
import dev.weft.model.value.IpFamily;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class NetfilterApplierIT {
  @RegisterExtension static final Lab LAB = new Lab();

  private static final String TABLE_V1 = """
      table inet weft {
        chain forward {
          type filter hook forward priority 0; policy accept;
          ip saddr 10.0.0.0/8 counter drop
        }
      }
      """;
  private static final String TABLE_V2 = """
      table inet weft {
        chain forward {
          type filter hook forward priority 0; policy accept;
          ip daddr 10.9.0.0/16 counter accept
        }
      }
      """;

  /** iptables-save stamps its output with the time; compare the rules only. */
  private static String withoutComments(String save) {
    return String.join("\n", save.lines().filter(l -> !l.startsWith("#")).toList());
  }

  private static String nftIn(NetnsRef.Named ns) {
    return Shell.ok("ip", "netns", "exec", ns.name().value(), "nft", "list", "ruleset");
  }

  @Test
  void nftTableIsReplacedAtomicallyAndOnlyInsideTheNamespace() {
    String hostBefore = Shell.ok("nft", "list", "ruleset");
    NetnsRef.Named ns = LAB.namespace("n");
    NetfilterApplier nft = LAB.driver().netfilter();
    Shell.ok("ip", "netns", "exec", ns.name().value(), "nft", "add", "table", "ip", "other");
    nft.applyNft(ns, TABLE_V1);
    assertThat(nftIn(ns)).contains("table inet weft", "ip saddr 10.0.0.0/8", "table ip other");
    nft.applyNft(ns, TABLE_V2);
    String after = nftIn(ns);
    assertThat(after).contains("ip daddr 10.9.0.0/16").doesNotContain("10.0.0.0/8").contains("table ip other");
    assertThat(nft.listNft(ns)).isEqualTo(after);
    assertThat(Shell.ok("nft", "list", "ruleset")).isEqualTo(hostBefore);

    nft.deleteNftTable(ns, new NftTable("inet", "weft"));
    assertThat(nftIn(ns)).doesNotContain("table inet weft").contains("table ip other");
    nft.deleteNftTable(ns, new NftTable("inet", "weft"));
  }

  @Test
  void aBrokenScriptChangesNothing() {
    NetnsRef.Named ns = LAB.namespace("b");
    NetfilterApplier nft = LAB.driver().netfilter();
    nft.applyNft(ns, TABLE_V1);
    String before = nftIn(ns);
    assertThatThrownBy(() -> nft.applyNft(ns, "table inet weft {\n chain forward {\n  ip saddr not-an-address drop\n }\n}\n"))
        .isInstanceOf(NetfilterApplyException.class).hasMessageContaining("exit code");
    assertThat(nftIn(ns)).isEqualTo(before);
  }

  @Test
  void foreignTablesAreRefusedBeforeRunningNft() {
    NetnsRef.Named ns = LAB.namespace("f");
    assertThatThrownBy(() -> LAB.driver().netfilter().applyNft(ns, "flush ruleset\n"))
        .isInstanceOf(NetfilterApplyException.class).hasMessageContaining("line 1");
    assertThatThrownBy(() -> LAB.driver().netfilter().applyNft(ns, "table ip filter {\n}\n"))
        .isInstanceOf(NetfilterApplyException.class).hasMessageContaining("'filter' is not weft's");
  }

  @Test
  void iptablesRestoreNoflushWithHooks() {
    NetnsRef.Named ns = LAB.namespace("i");
    NetfilterApplier applier = LAB.driver().netfilter();
    String hostBefore = withoutComments(Shell.ok("iptables-save"));
    Shell.ok("ip", "netns", "exec", ns.name().value(), "iptables", "-A", "INPUT", "-s", "192.0.2.9", "-j", "DROP");
    String v1 = """
        *filter
        :WEFT-FORWARD - [0:0]
        -A WEFT-FORWARD -s 10.1.0.0/16 -j DROP
        COMMIT
        """;
    List<IptablesHook> hooks = List.of(new IptablesHook("filter", "FORWARD", "WEFT-FORWARD"));
    applier.applyIptables(ns, IpFamily.IPV4, v1, hooks);
    String v2 = """
        *filter
        :WEFT-FORWARD - [0:0]
        -A WEFT-FORWARD -s 10.2.0.0/16 -j ACCEPT
        COMMIT
        """;
    applier.applyIptables(ns, IpFamily.IPV4, v2, hooks);
    String saved = applier.saveIptables(ns, IpFamily.IPV4);
    assertThat(saved).contains("-A WEFT-FORWARD -s 10.2.0.0/16 -j ACCEPT").doesNotContain("10.1.0.0/16")
        .contains("-A INPUT -s 192.0.2.9/32 -j DROP");
    assertThat(saved.lines().filter(l -> l.equals("-A FORWARD -j WEFT-FORWARD")).count())
        .as("the hook is inserted once").isEqualTo(1);
    assertThat(withoutComments(Shell.ok("iptables-save"))).isEqualTo(hostBefore);

    assertThatThrownBy(() -> applier.applyIptables(ns, IpFamily.IPV4, "*filter\n-A INPUT -j DROP\nCOMMIT\n", List.of()))
        .isInstanceOf(NetfilterApplyException.class).hasMessageContaining("'INPUT' is not weft's");
    assertThatThrownBy(() -> applier.applyIptables(ns, IpFamily.IPV4, "*filter\n-F\nCOMMIT\n", List.of()))
        .isInstanceOf(NetfilterApplyException.class).hasMessageContaining("every chain");
  }
}
