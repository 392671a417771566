package dev.weft.linux.sysctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.linux.error.PermissionDeniedException;
import dev.weft.linux.link.LinkOptions;
import dev.weft.linux.link.LinkSpec;
import dev.weft.linux.netns.NetnsRef;
import dev.weft.linux.testing.Lab;
import dev.weft.linux.testing.Shell;
import dev.weft.model.value.InterfaceName;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SysctlsIT {
  @RegisterExtension static final Lab LAB = new Lab();
  private static final SysctlKey FORWARD = SysctlKey.parse("net.ipv4.ip_forward");

  private static String hostValue(String path) throws Exception {
    return Files.readString(Path.of(path)).strip();
  }

  @Test
  void ipForwardInsideANamespaceLeavesTheHostAlone() throws Exception {
    String hostBefore = hostValue("/proc/sys/net/ipv4/ip_forward");
    NetnsRef.Named ns = LAB.namespace("s");
    Sysctls sysctls = LAB.driver().sysctls();
    String flipped = hostBefore.equals("1") ? "0" : "1";
    String previous = sysctls.write(ns, FORWARD, flipped);
    assertThat(previous).isEqualTo("0");
    assertThat(sysctls.read(ns, FORWARD)).isEqualTo(flipped);
    assertThat(Shell.ok("ip", "netns", "exec", ns.name().value(), "sysctl", "-n", "net.ipv4.ip_forward").strip())
        .isEqualTo(flipped);
    assertThat(hostValue("/proc/sys/net/ipv4/ip_forward")).isEqualTo(hostBefore);
  }

  @Test
  void perInterfaceIpv6AcceptDad() throws Exception {
    NetnsRef.Named ns = LAB.namespace("d");
    InterfaceName br = Lab.ifname("b.1");
    LAB.rt(ns).links().create(new LinkSpec.Bridge(br, LinkOptions.DEFAULTS));
    SysctlKey key = SysctlKey.parse("net/ipv6/conf/" + br.value() + "/accept_dad");
    String hostAll = hostValue("/proc/sys/net/ipv6/conf/all/accept_dad");
    LAB.driver().sysctls().write(ns, key, "0");
    assertThat(LAB.driver().sysctls().read(ns, key)).isEqualTo("0");
    LAB.driver().sysctls().write(ns, SysctlKey.parse("net.ipv6.conf.all.accept_dad"), "0");
    assertThat(Shell.ok("ip", "netns", "exec", ns.name().value(), "cat",
        "/proc/sys/net/ipv6/conf/" + br.value() + "/accept_dad").strip()).isEqualTo("0");
    assertThat(hostValue("/proc/sys/net/ipv6/conf/all/accept_dad")).isEqualTo(hostAll);
  }

  @Test
  void writingTheHomeNamespaceIsRefused() throws Exception {
    String before = hostValue("/proc/sys/net/ipv4/ip_forward");
    assertThatThrownBy(() -> LAB.driver().sysctls().write(NetnsRef.home(), FORWARD, before))
        .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("home namespace");
    assertThatThrownBy(() -> LAB.driver().sysctls().write(NetnsRef.atPath(Path.of("/proc/self/ns/net")), FORWARD, before))
        .as("the home namespace is refused by identity, whatever the path")
        .isInstanceOf(PermissionDeniedException.class);
    assertThat(LAB.driver().sysctls().read(NetnsRef.home(), FORWARD)).isEqualTo(before);
  }

  @Test
  void missingKeyIsNotFound() {
    NetnsRef.Named ns = LAB.namespace("m");
    assertThatThrownBy(() -> LAB.driver().sysctls().read(ns, SysctlKey.parse("net.ipv4.no_such_key")))
        .isInstanceOf(dev.weft.linux.error.NotFoundException.class).hasMessageContaining("no_such_key");
    assertThat(LAB.driver().sysctls().readIfPresent(ns, SysctlKey.parse("net.ipv4.no_such_key"))).isEmpty();
  }
}
