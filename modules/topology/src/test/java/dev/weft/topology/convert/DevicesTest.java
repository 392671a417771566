package dev.weft.topology.convert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.Name;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class DevicesTest {

  @Property
  void vethNamesAreStableTwelveByteNames(@ForAll @AlphaChars @StringLength(min = 1, max = 80) String seed) {
    InterfaceName name = Devices.vethName(seed);
    assertThat(name.value()).hasSize(12).startsWith("veth").matches("veth[0-9a-f]{8}");
    assertThat(Devices.vethName(seed)).isEqualTo(name);
  }

  @Test
  void greNamesUseThePeerAndHashWhenTooLong() {
    assertThat(Devices.greName(Name.of("right"))).isEqualTo(InterfaceName.of("gre-right"));
    assertThat(Devices.greName(Name.of("elevenchars"))).isEqualTo(InterfaceName.of("gre-elevenchars"));
    InterfaceName longer = Devices.greName(Name.of("a-very-long-host-name"));
    assertThat(longer.value()).matches("gre-[0-9a-f]{8}");
    assertThat(Devices.greName(Name.of("a-very-long-host-name-2"))).isNotEqualTo(longer);
  }

  @Test
  void differentEndsGetDifferentVethNames() {
    assertThat(Devices.vethName("pod1:eth0")).isNotEqualTo(Devices.vethName("pod2:eth0"));
  }
}
