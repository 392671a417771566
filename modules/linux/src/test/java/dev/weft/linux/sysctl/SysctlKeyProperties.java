package dev.weft.linux.sysctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.model.value.InvalidValueException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class SysctlKeyProperties {
  @Provide
  Arbitrary<List<String>> components() {
    Arbitrary<String> part = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789_-.").ofMinLength(1)
        .ofMaxLength(12).filter(s -> !s.equals(".") && !s.equals(".."));
    return part.list().ofMinSize(1).ofMaxSize(5).map(l -> {
      List<String> out = new java.util.ArrayList<>(List.of("net"));
      out.addAll(l);
      return out;
    });
  }

  @Property
  void formatThenParseIsIdentity(@ForAll("components") List<String> components) {
    SysctlKey key = new SysctlKey(components);
    assertThat(SysctlKey.parse(key.toString())).isEqualTo(key);
    assertThat(key.procPath()).isEqualTo("/proc/sys/" + String.join("/", components));
  }

  @Test
  void dottedAndSlashedForms() {
    assertThat(SysctlKey.parse("net.ipv4.ip_forward").procPath()).isEqualTo("/proc/sys/net/ipv4/ip_forward");
    assertThat(SysctlKey.parse("net/ipv6/conf/eth0.1/accept_dad").procPath())
        .isEqualTo("/proc/sys/net/ipv6/conf/eth0.1/accept_dad");
  }

  @Test
  void onlyPerNamespaceNetworkKeys() {
    assertThatThrownBy(() -> SysctlKey.parse("kernel.hostname")).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("network sysctl");
    assertThatThrownBy(() -> SysctlKey.parse("net/../kernel/hostname")).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> SysctlKey.parse("net..ipv4")).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> SysctlKey.parse("net")).isInstanceOf(InvalidValueException.class);
  }
}
