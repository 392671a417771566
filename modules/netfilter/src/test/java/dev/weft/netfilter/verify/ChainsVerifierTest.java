package dev.weft.netfilter.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.model.netfilter.ConnState;
import dev.weft.model.netfilter.Hook;
import dev.weft.model.value.IpAddress;
import dev.weft.netfilter.Dumps;
import dev.weft.netfilter.eval.Verdict;
import dev.weft.netfilter.save.IptablesSaveException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChainsVerifierTest {
  @TempDir
  Path dir;

  private final ChainsVerifier verifier = new ChainsVerifier();

  private Path dump(String name) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, Dumps.text(name));
    return p;
  }

  @Test
  void tracesAServicePacketThroughAKubeProxyDump() throws Exception {
    ChainsQuery q = ChainsQuery.tcp(dump(Dumps.KUBE_PROXY), IpAddress.parse("10.244.1.20"), IpAddress.parse("10.96.0.10"), 80)
        .withInterfaces(Optional.of("cni0"), Optional.of("eth0"));
    ChainsReport r = verifier.run(q);
    assertThat(r.summary()).isEqualTo(ChainsReport.Summary.ACCEPTED);
    assertThat(r.summary().exitCode()).isZero();
    assertThat(r.text())
        .contains("where:  path FORWARD [PREROUTING, FORWARD, POSTROUTING]")
        .contains("outcome 1 of 3 (probability 0.333)")
        .contains("\"default/web:http cluster IP\"")
        .contains("-> KUBE-SVC-TCOU7JCQXEZGVUNU")
        .contains("DNAT 10.96.0.10:80 -> 10.244.1.5:8080")
        .contains("result: ACCEPTED [ACCEPT]");
    System.out.println(r.text());
  }

  @Test
  void explainsAReject() throws Exception {
    ChainsQuery q = ChainsQuery.tcp(dump(Dumps.KUBE_PROXY), IpAddress.parse("10.244.1.20"), IpAddress.parse("10.96.0.50"), 80)
        .withInterfaces(Optional.of("cni0"), Optional.of("eth0"));
    ChainsReport r = verifier.run(q);
    assertThat(r.verdicts()).containsExactly(Verdict.REJECT);
    assertThat(r.summary().exitCode()).isEqualTo(3);
    assertThat(r.text()).contains("REJECT by rule filter KUBE-SERVICES #1 (line 42)");
  }

  @Test
  void establishedPacketsSkipNat() throws Exception {
    ChainsQuery q = ChainsQuery.tcp(dump(Dumps.KUBE_PROXY), IpAddress.parse("10.244.1.20"), IpAddress.parse("10.96.0.10"), 80)
        .withInterfaces(Optional.of("cni0"), Optional.of("eth0")).withState(ConnState.ESTABLISHED).withHook(Hook.PREROUTING);
    ChainsReport r = verifier.run(q);
    assertThat(r.text()).contains("nat chains skipped").doesNotContain("DNAT 10.96.0.10");
  }

  @Test
  void unknownIpsetsMakeTheVerdictUnknownUntilTheSetsAreGiven() throws Exception {
    Path rules = dump(Dumps.KUBE_ROUTER);
    ChainsQuery q = ChainsQuery.tcp(rules, IpAddress.parse("10.244.1.10"), IpAddress.parse("10.244.1.11"), 6379)
        .withInterfaces(Optional.of("kube-bridge"), Optional.of("kube-bridge"));
    ChainsReport blind = verifier.run(q);
    assertThat(blind.summary()).isEqualTo(ChainsReport.Summary.UNKNOWN);
    assertThat(blind.text()).contains("ipset 'KUBE-SRC-FRQWLI6ZQT3IVH4H' (its contents are not known");
    Path sets = dir.resolve("kube-router.ipset");
    Files.writeString(sets, Dumps.text("kube-router.ipset"));
    assertThat(verifier.run(q.withIpsets(sets)).summary()).isEqualTo(ChainsReport.Summary.ACCEPTED);
  }

  @Test
  void malformedDumpsAndOptionsAreUserErrors() throws Exception {
    Path bad = dir.resolve("bad.rules");
    Files.writeString(bad, "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -p tcp --dport 99999 -j ACCEPT\nCOMMIT\n");
    assertThatThrownBy(() -> verifier.run(ChainsQuery.tcp(bad, IpAddress.parse("1.1.1.1"), IpAddress.parse("2.2.2.2"), 1)))
        .isInstanceOfSatisfying(IptablesSaveException.class, e -> assertThat(e.problems()).singleElement()
            .satisfies(p -> assertThat(p.format()).startsWith(bad + ":3:25: error: bad number '99999'")));
    Path missing = dir.resolve("missing.rules");
    assertThatThrownBy(() -> verifier.run(ChainsQuery.tcp(missing, IpAddress.parse("1.1.1.1"), IpAddress.parse("2.2.2.2"), 1)))
        .isInstanceOfSatisfying(IptablesSaveException.class, e -> assertThat(e.getMessage()).contains("cannot read the file"));
    Path ok = dump(Dumps.KUBE_PROXY);
    ChainsQuery noPort = new ChainsQuery(ok, Optional.empty(), IpAddress.parse("1.1.1.1"), IpAddress.parse("2.2.2.2"),
        "udp", java.util.OptionalInt.empty(), java.util.OptionalInt.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), 0, List.of());
    assertThatThrownBy(() -> verifier.run(noPort)).isInstanceOf(InvalidChainsQueryException.class)
        .hasMessageContaining("--dport is required for udp");
  }
}
