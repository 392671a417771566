package dev.weft.cni.nft;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.cni.protocol.Attachment;
import dev.weft.cni.protocol.json.JsonParser;
import org.junit.jupiter.api.Test;

class PodRuleInventoryTest {
  /** What nft 1.0.6 prints for {@code nft -j list map ip weftcni pods}. */
  static final String LISTING = "{\"nftables\": [{\"metainfo\": {\"version\": \"1.0.6\", \"json_schema_version\": 1}},"
      + " {\"map\": {\"family\": \"ip\", \"name\": \"pods\", \"table\": \"weftcni\", \"type\": \"ipv4_addr\", \"handle\": 2,"
      + " \"map\": \"verdict\", \"elem\": [[{\"elem\": {\"val\": \"10.1.0.5\", \"comment\": \"weft:n1/c1/eth0\"}},"
      + " {\"jump\": {\"target\": \"masq-1\"}}], [{\"elem\": {\"val\": \"10.1.0.6\", \"comment\": \"weft:n2/c2/eth0\"}},"
      + " {\"jump\": {\"target\": \"masq-2\"}}], [\"10.1.0.7\", {\"jump\": {\"target\": \"masq-1\"}}]]}}]}";

  @Test
  void keepsOnlyTheNetworksCommentedElements() throws Exception {
    var elements = PodRuleInventory.parse(JsonParser.parse(LISTING), "n1");
    assertThat(elements).hasSize(1);
    assertThat(elements.getFirst().key()).isEqualTo("10.1.0.5");
    assertThat(elements.getFirst().attachment()).isEqualTo(new Attachment("c1", "eth0"));
  }

  @Test
  void commentsRoundTrip() {
    assertThat(PodRules.comment("n1", new Attachment("c1", "eth0"))).isEqualTo("weft:n1/c1/eth0");
  }
}
