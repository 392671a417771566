package dev.weft.cni.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ErrorCodeTest {

  @Test
  void mapsSpecCodesToTheirNamesAndHigherCodesToPluginCodes() {
    for (ErrorCode.Standard s : ErrorCode.Standard.values()) {
      assertThat(ErrorCode.of(s.value())).isSameAs(s);
    }
    assertThat(ErrorCode.of(7)).isEqualTo(ErrorCode.Standard.INVALID_NETWORK_CONFIG);
    assertThat(ErrorCode.of(100)).isEqualTo(ErrorCode.PluginCode.ADDRESS_EXHAUSTED);
    assertThat(ErrorCode.of(999)).isEqualTo(ErrorCode.PluginCode.INTERNAL);
    assertThatThrownBy(() -> ErrorCode.of(8)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ErrorCode.PluginCode(99)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void errorReplyOmitsEmptyDetails() {
    CniException e = CniException.invalidConfig("ipam.ranges: expected an array");
    assertThat(ErrorReply.of(CniVersion.V0_4_0, e).toJson().toJson())
        .isEqualTo("{\"cniVersion\":\"0.4.0\",\"code\":7,\"msg\":\"ipam.ranges: expected an array\"}");
  }

  @Test
  void versionsParseStrictlyAndOrderNumerically() {
    assertThat(CniVersion.parse("1.1.0")).contains(CniVersion.V1_1_0);
    assertThat(CniVersion.parse("0.10.0").orElseThrow()).isGreaterThan(CniVersion.V0_4_0);
    assertThat(CniVersion.parse("1.1")).isEmpty();
    assertThat(CniVersion.parse("01.1.0")).isEmpty();
    assertThat(CniVersion.parse("1.1.0-rc1")).isEmpty();
    assertThat(CniVersion.V0_4_0.resultsCarryIpVersion()).isTrue();
    assertThat(CniVersion.V1_0_0.resultsCarryIpVersion()).isFalse();
  }
}
