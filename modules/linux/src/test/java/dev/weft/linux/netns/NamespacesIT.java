package dev.weft.linux.netns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.linux.Rtnetlink;
import dev.weft.linux.error.AlreadyExistsException;
import dev.weft.linux.error.NotFoundException;
import dev.weft.linux.link.LinkOptions;
import dev.weft.linux.link.LinkSpec;
import dev.weft.linux.testing.Lab;
import dev.weft.linux.testing.Shell;
import dev.weft.linux.testing.TestNames;
import dev.weft.model.value.InterfaceName;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class NamespacesIT {
  @RegisterExtension static final Lab LAB = new Lab();

  @Test
  void iproute2SeesOursAndOperatesInIt() {
    NetnsRef.Named ns = LAB.namespace("o");
    assertThat(Shell.netnsNames()).contains(ns.name().value());
    assertThat(LAB.driver().namespaces().list()).contains(ns.name());
    InterfaceName br = Lab.ifname("br");
    Shell.ok("ip", "-n", ns.name().value(), "link", "add", br.value(), "type", "bridge");
    assertThat(LAB.rt(ns).links().get(br)).isPresent();
    assertThat(NetnsId.of(Path.of("/run/netns", ns.name().value())))
        .isNotEqualTo(LAB.driver().threads().homeId());
  }

  @Test
  void weSeeAndUseNamespacesIproute2Created() {
    NetnsName name = LAB.reserveNamespaceName("i");
    Shell.ok("ip", "netns", "add", name.value());
    assertThat(LAB.driver().namespaces().list()).contains(name);
    assertThat(LAB.driver().namespaces().exists(name)).isTrue();
    InterfaceName br = Lab.ifname("br");
    LAB.rt(NetnsRef.named(name)).links().create(new LinkSpec.Bridge(br, LinkOptions.DEFAULTS));
    assertThat(Shell.ipJson(name.value(), "link", "show", "dev", br.value()).get(0).get("ifname").asString())
        .isEqualTo(br.value());
    LAB.driver().namespaces().delete(name);
    assertThat(Shell.netnsNames()).doesNotContain(name.value());
  }

  @Test
  void deleteRemovesTheNamespaceAndItsLinks() {
    NetnsRef.Named ns = LAB.namespace("d");
    try (Rtnetlink rt = LAB.driver().rtnetlink(ns)) {
      rt.links().create(new LinkSpec.Bridge(Lab.ifname("br"), LinkOptions.DEFAULTS));
    }
    LAB.driver().namespaces().delete(ns.name());
    assertThat(Shell.netnsNames()).doesNotContain(ns.name().value());
    assertThat(Path.of("/run/netns", ns.name().value())).doesNotExist();
    assertThatThrownBy(() -> LAB.driver().namespaces().delete(ns.name())).isInstanceOf(NotFoundException.class);
    assertThat(LAB.driver().namespaces().deleteIfExists(ns.name())).isFalse();
    assertThatThrownBy(() -> LAB.driver().rtnetlink(ns)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void creatingTwiceIsAlreadyExists() {
    NetnsRef.Named ns = LAB.namespace("t");
    assertThatThrownBy(() -> LAB.driver().namespaces().create(ns.name()))
        .isInstanceOf(AlreadyExistsException.class).hasMessageContaining(ns.name().value());
    assertThat(Shell.netnsNames()).contains(ns.name().value());
  }

  @Test
  void freshNamespaceHasOnlyLoopbackDown() {
    NetnsRef.Named ns = LAB.namespace("f");
    var links = LAB.rt(ns).links().list();
    assertThat(links).extracting(l -> l.name().value()).containsExactly("lo");
    assertThat(links.getFirst().up()).isFalse();
    LAB.rt(ns).links().setUp(InterfaceName.of("lo"));
    assertThat(Shell.ipJson(ns.name().value(), "link", "show", "lo").get(0).get("flags").toString()).contains("UP");
  }

  @Test
  void namesAreRunScoped() {
    assertThat(TestNames.runPrefix()).startsWith("wt").hasSize(6);
  }
}
