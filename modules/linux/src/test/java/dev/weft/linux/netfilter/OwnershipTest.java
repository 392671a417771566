package dev.weft.linux.netfilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.linux.error.NetfilterApplyException;
import org.junit.jupiter.api.Test;

class OwnershipTest {
  private final NetfilterApplier applier = new NetfilterApplier();
  private final NftOwnership nft = new NftOwnership("weft");
  private final IptablesOwnership ipt = new IptablesOwnership("WEFT");

  @Test
  void nftTablesDefinedInTheScriptAreReplacedInOneTransaction() {
    String script = "table inet weft {\n  chain c { type filter hook forward priority 0; }\n}\ntable ip weft-nat {\n}\n";
    assertThat(applier.transaction(script, "op")).startsWith(
        "table inet weft\ndelete table inet weft\ntable ip weft-nat\ndelete table ip weft-nat\n" + script);
  }

  @Test
  void nftDefaultFamilyIsIp() {
    assertThat(nft.definedTables("table weft {\n}\n", "op")).containsExactly(new NftTable("ip", "weft"));
  }

  @Test
  void nftRefusesForeignTablesAndRulesetWideStatements() {
    for (String bad : new String[] {"flush ruleset", "include \"/etc/x\"", "table ip filter {", "add rule ip filter input drop",
        "delete table inet nat", "add chain inet fw c", "  flush ruleset # hidden"}) {
      assertThatThrownBy(() -> nft.definedTables("table inet weft {\n}\n" + bad + "\n", "apply"))
          .as(bad).isInstanceOf(NetfilterApplyException.class).hasMessageContaining("line 3");
    }
    assertThat(nft.definedTables("add rule inet weft forward drop\n# table ip filter\n", "op")).isEmpty();
  }

  @Test
  void iptablesAcceptsWeftChainsOnly() {
    ipt.check("*filter\n:WEFT-FWD - [0:0]\n-A WEFT-FWD -s 10.0.0.0/8 -j DROP\n-F WEFT-X\n-X WEFT-X\nCOMMIT\n", "op");
    for (String bad : new String[] {":INPUT ACCEPT [0:0]", "-A FORWARD -j WEFT-FWD", "-F", "-X", "-P INPUT DROP",
        "-I OUTPUT 1 -j DROP", "*weird"}) {
      assertThatThrownBy(() -> ipt.check("*filter\n" + bad + "\nCOMMIT\n", "apply"))
          .as(bad).isInstanceOf(NetfilterApplyException.class).hasMessageContaining("line 2");
    }
  }

  @Test
  void hookRulesGoIntoTheirTableSection() {
    String input = "*nat\n:WEFT-N - [0:0]\nCOMMIT\n*filter\n:WEFT-F - [0:0]\nCOMMIT\n";
    assertThat(NetfilterApplier.withRule(input, "filter", "-I FORWARD 1 -j WEFT-F"))
        .isEqualTo("*nat\n:WEFT-N - [0:0]\nCOMMIT\n*filter\n:WEFT-F - [0:0]\n-I FORWARD 1 -j WEFT-F\nCOMMIT\n");
    assertThat(NetfilterApplier.withRule(input, "raw", "-I PREROUTING 1 -j WEFT-R"))
        .endsWith("COMMIT\n*raw\n-I PREROUTING 1 -j WEFT-R\nCOMMIT\n");
  }
}
