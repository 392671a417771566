package dev.weft.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.model.netfilter.Chain;
import dev.weft.model.netfilter.ChainName;
import dev.weft.model.netfilter.NetfilterTable;
import dev.weft.model.netfilter.Policy;
import dev.weft.model.netfilter.Ruleset;
import dev.weft.model.netfilter.Table;
import dev.weft.model.value.Name;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkModelRulesetTest {
  private static final Ruleset DROP_FORWARD = Ruleset.of(List.of(NetfilterTable.of(Table.FILTER,
      List.of(Chain.builtin(ChainName.of("FORWARD"), Policy.DROP, List.of())))));

  @Test
  void namespacesCarryTheirRulesetAndDefaultToEmpty() {
    NetworkModel m = NetworkModelTest.singleBridge().ruleset(Name.of("host1"), DROP_FORWARD).build();
    assertThat(m.ruleset(Name.of("host1"))).isEqualTo(DROP_FORWARD);
    assertThat(m.ruleset(Name.of("pod1"))).isEqualTo(Ruleset.empty());
  }

  @Test
  void rulesetsNeedAnOwnStackAndAreSetOnce() {
    assertThatThrownBy(() -> NetworkModelTest.singleBridge().ruleset(Name.of("nope"), DROP_FORWARD))
        .isInstanceOf(ModelException.class).hasMessageContaining("nope");
    assertThatThrownBy(() -> NetworkModelTest.singleBridge().ruleset(Name.of("host1"), DROP_FORWARD)
        .ruleset(Name.of("host1"), Ruleset.empty())).isInstanceOf(ModelException.class);
  }
}
