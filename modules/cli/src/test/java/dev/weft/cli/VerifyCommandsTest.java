package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verify commands' exit codes and outputs over the policy module's fixtures. */
class VerifyCommandsTest {
  static final String SHOP = "../policy/src/test/resources/manifests/shop";
  static final String SHOP_V2 = "../policy/src/test/resources/manifests/shop-v2";
  static final String ASSERTIONS = "../policy/src/test/resources/manifests/shop-assertions.yaml";
  static final String KUBE_PROXY = "../netfilter/src/test/resources/dumps/kube-proxy.iptables-save";

  @Test
  void listShowsWorkloadPairsInEveryFormat() {
    Cli.Result text = Cli.run("verify", "list", SHOP);
    assertThat(text.exitCode()).as(text.err()).isZero();
    assertThat(text.out()).contains("shop/backend -> shop/db").contains("TCP:5432");
    for (String format : new String[] {"json", "csv", "markdown", "dot"}) {
      Cli.Result r = Cli.run("verify", "list", SHOP, "-o", format);
      assertThat(r.exitCode()).as(format).isZero();
      assertThat(r.out()).as(format).contains("shop/db");
    }
    assertThat(Cli.run("verify", "list", SHOP, "--pods").out()).contains("shop/db-0");
  }

  @Test
  void evalExitsZeroWhenAllowedAndThreeWhenDenied() {
    Cli.Result allowed = Cli.run("verify", "eval", SHOP, "--src", "shop/frontend", "--dst", "shop/backend", "--port", "9000");
    assertThat(allowed.exitCode()).as(allowed.out()).isZero();
    Cli.Result denied = Cli.run("verify", "eval", SHOP, "--src", "shop/frontend", "--dst", "shop/backend", "--port", "8080");
    assertThat(denied.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
    assertThat(denied.out()).contains("denied").contains("shop/default-deny");
  }

  @Test
  void evalRejectsUnknownEndpointsAsInvalidInput() {
    Cli.Result r = Cli.run("verify", "eval", SHOP, "--src", "shop/nope", "--dst", "shop/backend", "--port", "80");
    assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(r.err()).contains("shop/nope").doesNotContain("\tat ");
    assertThat(Cli.run("verify", "eval", SHOP, "--src", "shop/frontend", "--dst", "shop/backend", "--port", "80",
        "--proto", "icmp").exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
  }

  @Test
  void explainNamesThePolicies() {
    Cli.Result r = Cli.run("verify", "explain", SHOP, "--src", "shop/frontend", "--dst", "shop/backend");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("ingress").contains("egress").contains("shop/backend");
  }

  @Test
  void assertReportsFailuresWithExitThreeAndJunit(@TempDir Path tmp) throws Exception {
    Path junit = tmp.resolve("junit.xml");
    Cli.Result r = Cli.run("verify", "assert", SHOP, "--assertions", ASSERTIONS, "--junit", junit.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
    assertThat(r.out()).contains("PASS").contains("FAIL report reaches db");
    assertThat(Files.readString(junit)).contains("<testsuite").contains("<failure");
  }

  @Test
  void diffListsAddedRemovedAndChanged() {
    Cli.Result r = Cli.run("verify", "diff", SHOP, SHOP_V2);
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("+ shop/frontend").contains("~ shop/report -> shop/backend");
  }

  @Test
  void chainsTracesADumpAndExitsByVerdict() {
    Cli.Result reject = Cli.run("verify", "chains", KUBE_PROXY, "--from", "10.244.1.5", "--to", "10.96.0.50",
        "--dport", "80", "--in", "cni0", "--out", "eth0");
    assertThat(reject.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
    assertThat(reject.out()).contains("has no endpoints").contains("verdict: DENIED");
    Cli.Result accept = Cli.run("verify", "chains", KUBE_PROXY, "--from", "10.244.1.5", "--to", "10.96.0.1",
        "--dport", "443", "--in", "cni0", "--out", "eth0", "--local", "eth0=192.168.0.10");
    assertThat(accept.out()).contains("DNAT");
  }

  @Test
  void malformedInputsExitTwoWithoutStackTraces(@TempDir Path tmp) throws Exception {
    Path dump = tmp.resolve("bad.iptables-save");
    Files.writeString(dump, "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -p tcp --dport nope -j ACCEPT\nCOMMIT\n");
    Cli.Result chains = Cli.run("verify", "chains", dump.toString(), "--from", "1.2.3.4", "--to", "1.2.3.5", "--dport", "1");
    assertThat(chains.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(chains.err()).contains(dump + ":3:").doesNotContain("\tat ");
    Path manifest = tmp.resolve("bad.yaml");
    Files.writeString(manifest, "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: x}\nspec:\n  podSelector: 7\n");
    Cli.Result list = Cli.run("verify", "list", manifest.toString());
    assertThat(list.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(list.err()).contains(manifest + ":5:").doesNotContain("\tat ");
  }
}
