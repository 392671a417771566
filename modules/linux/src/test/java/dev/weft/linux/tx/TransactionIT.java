package dev.weft.linux.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.linux.error.AlreadyExistsException;
import dev.weft.linux.link.Link;
import dev.weft.linux.link.LinkOptions;
import dev.weft.linux.link.LinkSpec;
import dev.weft.linux.link.VethPeer;
import dev.weft.linux.netns.NetnsName;
import dev.weft.linux.netns.NetnsRef;
import dev.weft.linux.route.RouteSpec;
import dev.weft.linux.sysctl.SysctlKey;
import dev.weft.linux.testing.Lab;
import dev.weft.linux.testing.Shell;
import dev.weft.model.value.Cidr;
import dev.weft.model.value.InterfaceAddress;
import dev.weft.model.value.InterfaceName;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TransactionIT {
  @RegisterExtension static final Lab LAB = new Lab();

  @Test
  void failureHalfWayLeavesNothingBehind() {
    NetnsRef.Named existing = LAB.namespace("e");
    InterfaceName taken = Lab.ifname("tk");
    LAB.rt(existing).links().create(new LinkSpec.Bridge(taken, LinkOptions.DEFAULTS));
    List<String> linksBefore = Shell.linkNames(existing.name().value());
    List<String> netnsBefore = Shell.netnsNames();
    String forwardBefore = LAB.driver().sysctls().read(existing, SysctlKey.parse("net.ipv4.ip_forward"));

    NetnsName fresh = LAB.reserveNamespaceName("n");
    InterfaceName br = Lab.ifname("br");
    InterfaceName va = Lab.ifname("va");
    assertThatThrownBy(() -> {
      try (Transaction tx = LAB.driver().begin("deploy test lab")) {
        NetnsRef.Named ns = tx.createNamespace(fresh);
        tx.createLink(existing, new LinkSpec.Bridge(br, LinkOptions.DEFAULTS.withUp(true)));
        tx.createLink(existing, new LinkSpec.Veth(va, VethPeer.named(Lab.ifname("vb")).in(ns),
            LinkOptions.DEFAULTS.withMaster(br).withUp(true)));
        tx.addAddress(existing, br, InterfaceAddress.parse("10.80.0.1/24"));
        tx.addRoute(existing, RouteSpec.to(Cidr.parse("10.81.0.0/16")).via(dev.weft.model.value.IpAddress.parse("10.80.0.2")));
        tx.writeSysctl(existing, SysctlKey.parse("net.ipv4.ip_forward"), "1");
        // The second link name collides with one that existed before: the whole operation fails.
        tx.createLink(existing, new LinkSpec.Bridge(taken, LinkOptions.DEFAULTS));
        tx.commit();
      }
    }).isInstanceOf(AlreadyExistsException.class).hasMessageContaining(taken.value());

    assertThat(Shell.linkNames(existing.name().value())).containsExactlyElementsOf(linksBefore);
    assertThat(Shell.netnsNames()).containsExactlyInAnyOrderElementsOf(netnsBefore).doesNotContain(fresh.value());
    assertThat(Shell.ipJson(existing.name().value(), "-4", "addr", "show").toString()).doesNotContain("10.80.0.1");
    assertThat(Shell.ipJson(existing.name().value(), "-4", "route", "show").toString()).doesNotContain("10.81.0.0");
    assertThat(LAB.driver().sysctls().read(existing, SysctlKey.parse("net.ipv4.ip_forward"))).isEqualTo(forwardBefore);
    assertThat(LAB.rt(existing).links().get(taken)).as("what existed before is never undone").isPresent();
  }

  @Test
  void committedWorkStays() {
    NetnsName fresh = LAB.reserveNamespaceName("c");
    InterfaceName br = Lab.ifname("br");
    Link link;
    try (Transaction tx = LAB.driver().begin("committed")) {
      NetnsRef.Named ns = tx.createNamespace(fresh);
      link = tx.createLink(ns, new LinkSpec.Bridge(br, LinkOptions.DEFAULTS));
      tx.commit();
    }
    assertThat(Shell.netnsNames()).contains(fresh.value());
    assertThat(Shell.linkNames(fresh.value())).contains(br.value());
    assertThat(link.name()).isEqualTo(br);
  }
}
