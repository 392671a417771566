package dev.weft.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.document.Diagnostic;
import dev.weft.model.NetworkModel;
import dev.weft.model.netfilter.ChainName;
import dev.weft.model.netfilter.Hook;
import dev.weft.model.netfilter.Policy;
import dev.weft.model.netfilter.Table;
import dev.weft.model.value.Name;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code chains:} in topology YAML, and a bridge's ipMasq as real rules. */
class ChainsTest {
  private final TopologyLoader loader = new TopologyLoader();

  private NetworkModel loaded(String yaml) {
    TopologyLoad load = loader.load("t.yaml", yaml);
    assertThat(load).as(load.diagnostics().toString()).isInstanceOf(TopologyLoad.Loaded.class);
    return ((TopologyLoad.Loaded) load).model();
  }

  private static final String ROUTER = """
      name: fw
      hosts:
        - name: h1
          namespaces:
            - name: r1
              mode: bridge
              ipForward: true
              chains: |
                *filter
                :INPUT ACCEPT [0:0]
                :FORWARD DROP [0:0]
                :OUTPUT ACCEPT [0:0]
                -A FORWARD -p tcp -m tcp --dport 80 -m comment --comment "web only" -j ACCEPT
                COMMIT
      """;

  @Test
  void inlineChainsBecomeTheNamespacesRuleset() {
    NetworkModel m = loaded(ROUTER);
    var filter = m.ruleset(Name.of("r1")).table(Table.FILTER);
    assertThat(filter.builtin(Hook.FORWARD).policy()).contains(Policy.DROP);
    assertThat(filter.builtin(Hook.FORWARD).rules()).hasSize(1);
    assertThat(m.ruleset(Name.of("h1")).isEmpty()).isTrue();
  }

  @Test
  void inlineSyntaxErrorsPointAtTheYamlLine() {
    String broken = ROUTER.replace("--dport 80", "--dport eighty");
    TopologyLoad load = loader.load("t.yaml", broken);
    assertThat(load).isInstanceOf(TopologyLoad.Invalid.class);
    Diagnostic d = load.diagnostics().getFirst();
    assertThat(d.location().line()).isEqualTo(13);
    assertThat(d.path().toString()).isEqualTo("hosts[0].namespaces[0].chains");
    assertThat(d.format()).startsWith("t.yaml:13:").contains("chains:");
  }

  @Test
  void unknownMatchesAreWarningsAtTheirLineAndStayUnknown() {
    String odd = ROUTER.replace("-m comment --comment \"web only\" ", "-m frobnicate --level 3 ");
    TopologyLoad load = loader.load("t.yaml", odd);
    assertThat(load).isInstanceOf(TopologyLoad.Loaded.class);
    assertThat(load.diagnostics()).anySatisfy(w -> {
      assertThat(w.isError()).isFalse();
      assertThat(w.location().line()).isEqualTo(13);
    });
    var rule = ((TopologyLoad.Loaded) load).model().ruleset(Name.of("r1")).table(Table.FILTER)
        .builtin(Hook.FORWARD).rules().getFirst();
    assertThat(rule.hasUnknown()).isTrue();
  }

  @Test
  void chainsFromFilesWithIpsets() {
    TopologyLoad load = loader.load(Path.of("src/test/resources/chains/with-files.yaml"));
    assertThat(load).as(load.diagnostics().toString()).isInstanceOf(TopologyLoad.Loaded.class);
    var rs = ((TopologyLoad.Loaded) load).model().ruleset(Name.of("h1"));
    assertThat(rs.ipset("allowed-web")).isPresent();
    assertThat(rs.table(Table.FILTER).builtin(Hook.FORWARD).policy()).contains(Policy.DROP);
  }

  @Test
  void missingFilesAndWrongShapesAreErrors() {
    TopologyLoad missing = loader.load("t.yaml", """
        name: x
        hosts:
          - name: h1
            chains: {file: nowhere.iptables-save}
        """);
    assertThat(missing).isInstanceOf(TopologyLoad.Invalid.class);
    assertThat(missing.diagnostics().getFirst().format()).contains("t.yaml:4:").contains("no such file");
    TopologyLoad list = loader.load("t.yaml", "name: x\nhosts:\n  - name: h1\n    chains: [1, 2]\n");
    assertThat(list.diagnostics().getFirst().format()).contains("t.yaml:4:").contains("block scalar");
  }

  @Test
  void hostModeContainersCannotHaveChains() {
    TopologyLoad load = loader.load("t.yaml", """
        name: x
        hosts:
          - name: h1
            namespaces:
              - name: hp
                mode: host
                chains: "*filter\\nCOMMIT\\n"
        """);
    assertThat(load).isInstanceOf(TopologyLoad.Invalid.class);
    assertThat(load.diagnostics().getFirst().message()).contains("shares its host's stack");
  }

  @Test
  void ipMasqBecomesMasqueradeRulesBesideTheHostsOwnChains() {
    NetworkModel m = loaded("""
        name: masq
        hosts:
          - name: h1
            chains: |
              *nat
              :PREROUTING ACCEPT [0:0]
              :INPUT ACCEPT [0:0]
              :OUTPUT ACCEPT [0:0]
              :POSTROUTING ACCEPT [0:0]
              -A POSTROUTING -o eth9 -j ACCEPT
              COMMIT
            bridges:
              - {name: br0, gateway: 10.1.0.1/24, ipMasq: true}
              - {name: br1, gateway: 10.2.0.1/24, ipMasq: false}
        """);
    var nat = m.ruleset(Name.of("h1")).table(Table.NAT);
    var post = nat.builtin(Hook.POSTROUTING).rules();
    assertThat(post).hasSize(2);
    assertThat(post.getLast().comment()).contains("weft ipMasq br0");
    assertThat(nat.chain(ChainName.of("WEFT-MASQ-br0"))).isPresent();
    assertThat(nat.chain(ChainName.of("WEFT-MASQ-br1"))).isEmpty();
  }

  @Test
  void aHostChainNamedLikeIpMasqsIsAnError() {
    TopologyLoad load = loader.load("t.yaml", """
        name: taken
        hosts:
          - name: h1
            chains: |
              *nat
              :POSTROUTING ACCEPT [0:0]
              :WEFT-MASQ-br0 - [0:0]
              COMMIT
            bridges:
              - {name: br0, gateway: 10.1.0.1/24, ipMasq: true}
        """);
    assertThat(load).isInstanceOf(TopologyLoad.Invalid.class);
    assertThat(load.diagnostics()).anySatisfy(d -> {
      assertThat(d.isError()).isTrue();
      assertThat(d.location().line()).isEqualTo(4);
      assertThat(d.message()).contains("WEFT-MASQ-");
    });
  }

  @Test
  void ipMasqOnAnIpv6BridgeIsAWarningAndAddsNoRules() {
    TopologyLoad load = loader.load("t.yaml", """
        name: v6
        hosts:
          - name: h1
            bridges:
              - {name: br0, gateway: "fd00:1::1/64", ipMasq: true}
        """);
    assertThat(load).as(load.diagnostics().toString()).isInstanceOf(TopologyLoad.Loaded.class);
    assertThat(load.diagnostics()).anySatisfy(d -> {
      assertThat(d.isError()).isFalse();
      assertThat(d.kind()).isEqualTo(TopologyProblem.UNSUPPORTED_FAMILY);
    });
    assertThat(((TopologyLoad.Loaded) load).model().ruleset(Name.of("h1")).isEmpty()).isTrue();
  }
}
