package dev.weft.cni.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.cni.protocol.Attachment;
import dev.weft.model.value.InterfaceName;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;

class HostVethNameProperties {

  @Property
  void isAValidDeterministicNameWithTheNetworksPrefix(@ForAll @AlphaChars @NumericChars @StringLength(min = 1, max = 30) String network,
      @ForAll @AlphaChars @NumericChars @StringLength(min = 1, max = 64) String container) {
    Attachment a = new Attachment(container, "eth0");
    InterfaceName name = HostVethName.of(network, a);
    assertThat(name.value()).hasSize(12).startsWith(HostVethName.networkPrefix(network)).matches("wv[0-9a-f]{10}");
    assertThat(HostVethName.of(network, a)).isEqualTo(name);
  }

  @Property
  void differsPerInterfaceOfOneContainer(@ForAll @AlphaChars @StringLength(min = 1, max = 30) String container) {
    assertThat(HostVethName.of("n", new Attachment(container, "eth0")))
        .isNotEqualTo(HostVethName.of("n", new Attachment(container, "eth1")));
  }
}
