package dev.weft.cni.nft;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.cni.protocol.Attachment;
import dev.weft.cni.protocol.json.JsonParser;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
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

  /** What ADD writes as an element's comment is what GC reads back as its owner. */
  @Property
  void commentsRoundTripThroughAnNftListing(@ForAll @AlphaChars @NumericChars @Chars({'-', '_', '.'}) @StringLength(min = 1, max = 64) String container,
      @ForAll @AlphaChars @NumericChars @StringLength(min = 1, max = 15) String ifName,
      @ForAll @AlphaChars @Chars({'-', '.'}) @StringLength(min = 1, max = 30) String network) throws Exception {
    Attachment owner = new Attachment(container, ifName);
    String listing = "{\"nftables\": [{\"map\": {\"family\": \"ip\", \"name\": \"pods\", \"table\": \"weftcni\","
        + " \"elem\": [[{\"elem\": {\"val\": \"10.1.0.5\", \"comment\": \"" + PodRules.comment(network, owner) + "\"}},"
        + " {\"jump\": {\"target\": \"masq-1\"}}]]}}]}";
    var elements = PodRuleInventory.parse(JsonParser.parse(listing), network);
    assertThat(elements).singleElement().satisfies(e -> assertThat(e.attachment()).isEqualTo(owner));
    assertThat(PodRuleInventory.parse(JsonParser.parse(listing), network + "x")).isEmpty();
  }
}
