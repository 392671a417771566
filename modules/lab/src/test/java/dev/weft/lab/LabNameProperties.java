package dev.weft.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.lab.plan.KernelNames;
import dev.weft.model.value.InvalidValueException;
import dev.weft.model.value.Name;
import dev.weft.model.value.ValueArbitraries;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class LabNameProperties {
  @Property
  void everyTopologyHasAValidDefaultLab(@ForAll("names") Name topology) {
    LabName lab = LabName.defaultFor(topology);
    assertThat(lab.value()).matches("[a-z][a-z0-9]{0,11}");
  }

  /** A stack's and a segment's namespace name both lead back to their lab, and never to another. */
  @Property
  void namespaceNamesLeadBackToTheirLab(@ForAll("labs") LabName lab, @ForAll("labs") LabName other,
      @ForAll("names") Name name) {
    KernelNames names = new KernelNames(lab);
    assertThat(KernelNames.labOf(names.stack(name))).contains(lab);
    assertThat(KernelNames.labOf(names.segment(name))).contains(lab);
    assertThat(names.stack(name)).isNotEqualTo(names.segment(name));
    if (!other.equals(lab)) {
      assertThat(KernelNames.owns(other, names.stack(name))).isFalse();
      assertThat(KernelNames.owns(other, names.segment(name))).isFalse();
    }
  }

  @Test
  void refusesNamesThatCouldClaimAnotherLabsNamespaces() {
    assertThatThrownBy(() -> LabName.of("lab-1")).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("lab name").hasMessageContaining("lower-case letters or digits");
    assertThatThrownBy(() -> LabName.of("1lab")).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> LabName.of("abcdefghijklm")).isInstanceOf(InvalidValueException.class);
    assertThat(LabName.defaultFor(Name.of("two-host-vxlan")).value()).isEqualTo("twohostvxlan");
    assertThat(LabName.defaultFor(Name.of("1-lab")).value()).isEqualTo("w1lab");
  }

  @Provide
  Arbitrary<Name> names() {
    return ValueArbitraries.names();
  }

  @Provide
  Arbitrary<LabName> labs() {
    return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789").ofMinLength(0).ofMaxLength(11)
        .map(s -> LabName.of("l" + s));
  }
}
