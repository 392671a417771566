package dev.weft.cni.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.cni.protocol.CniException;
import dev.weft.cni.plugin.WeftCodes;
import dev.weft.linux.error.InvalidArgumentException;
import dev.weft.linux.error.NetfilterApplyException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BridgeModeErrorsTest {

  @Test
  void aRefusedRuleSetIsCode114AndOtherRefusals112() {
    CniException rules = BridgeMode.kernelError(new NetfilterApplyException("apply nft rule set", 1, "syntax error"));
    assertThat(rules.code()).isEqualTo(WeftCodes.RULES_FAILED);
    assertThat(rules.getMessage()).contains("apply nft rule set", "syntax error");
    CniException link = BridgeMode.kernelError(new InvalidArgumentException("create link wv1", 22, Optional.empty()));
    assertThat(link.code()).isEqualTo(WeftCodes.KERNEL_REFUSED);
    assertThat(link.getMessage()).contains("create link wv1");
  }
}
