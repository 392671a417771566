package dev.weft.model.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InvalidValueTest {

  @ParameterizedTest
  @ValueSource(strings = {"", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.4/24", "fe80::1%eth0",
      "1.2.3.", "a.b.c.d", "::g", "1:2:3:4:5:6:7:8:9", " 1.2.3.4", "0x1.2.3.4"})
  void rejectsBadAddresses(String text) {
    assertThatThrownBy(() -> IpAddress.parse(text)).isInstanceOf(InvalidValueException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.0", "10.0.0.0/33", "10.0.0.1/24", "fd00::1/64", "10.0.0.0/", "10.0.0.0/024",
      "::/129", "10.0.0.0/-1"})
  void rejectsBadCidrs(String text) {
    assertThatThrownBy(() -> Cidr.parse(text)).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void hostBitsSuggestTheNetwork() {
    assertThatThrownBy(() -> Cidr.parse("10.0.0.5/24")).hasMessageContaining("did you mean 10.0.0.0/24");
    assertThat(Cidr.parseLenient("10.0.0.5/24")).isEqualTo(Cidr.parse("10.0.0.0/24"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ".", "..", "a/b", "a:b", "a b", "eth\t0", "sixteen-chars-xx", "veth\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9"})
  void rejectsBadInterfaceNames(String text) {
    assertThatThrownBy(() -> new InterfaceName(text)).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void interfaceNameCountsBytesNotChars() {
    assertThat(new InterfaceName("fifteen-chars-x").value()).hasSize(15);
    assertThatThrownBy(() -> new InterfaceName("fourteen-chars\u00e9")).hasMessageContaining("at most 15 bytes");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "00:11:22:33:44", "00:11:22:33:44:55:66", "00:11:22:33:44:5g", "00:11-22:33:44:55",
      "0011.2233.4455"})
  void rejectsBadMacs(String text) {
    assertThatThrownBy(() -> Mac.parse(text)).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void rejectsOutOfRangeNumbers() {
    assertThatThrownBy(() -> Vni.parse("16777216")).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> new Vni(-1)).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> Mtu.parse("67")).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> PortRange.parse("90-80")).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> PortRange.parse("65536")).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void formatsIpv6ByRfc5952() {
    assertThat(IpAddress.parse("2001:0db8:0000:0000:0000:0000:0000:0001").toString()).isEqualTo("2001:db8::1");
    assertThat(IpAddress.parse("2001:db8:0:1:1:1:1:1").toString()).isEqualTo("2001:db8:0:1:1:1:1:1");
    assertThat(IpAddress.parse("2001:0:0:1:0:0:0:1").toString()).isEqualTo("2001:0:0:1::1");
    assertThat(IpAddress.parse("::").toString()).isEqualTo("::");
    assertThat(IpAddress.parse("::ffff:10.0.0.1").toString()).isEqualTo("::ffff:a00:1");
  }

  @Test
  void subtractsExceptBlocks() {
    Cidr block = Cidr.parse("10.0.0.0/24");
    assertThat(block.subtract(List.of(Cidr.parse("10.0.0.128/25"))))
        .containsExactly(Cidr.parse("10.0.0.0/25"));
    assertThat(block.subtract(List.of(Cidr.parse("10.0.0.0/26"), Cidr.parse("10.0.0.192/26"))))
        .containsExactly(Cidr.parse("10.0.0.64/26"), Cidr.parse("10.0.0.128/26"));
  }
}
