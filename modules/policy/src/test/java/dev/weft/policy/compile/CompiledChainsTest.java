package dev.weft.policy.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.netfilter.ChainName;
import dev.weft.model.netfilter.Hook;
import dev.weft.model.netfilter.Table;
import dev.weft.model.value.IpAddress;
import dev.weft.netfilter.eval.HostFacts;
import dev.weft.netfilter.eval.Packet;
import dev.weft.netfilter.eval.PacketContext;
import dev.weft.netfilter.eval.RulesetEvaluator;
import dev.weft.netfilter.eval.Verdict;
import dev.weft.policy.ClusterArbitraries;
import dev.weft.policy.e2e.E2eCluster;
import dev.weft.policy.model.Cluster;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The compiled chains, run through the netfilter evaluator, agree with the semantics. */
class CompiledChainsTest {
  @Provide
  Arbitrary<Cluster> clusters() {
    return ClusterArbitraries.clusters(false);
  }

  @Property(tries = 150)
  void compiledChainsEqualSemantics(@ForAll("clusters") Cluster c) {
    CompilationProof.Result r = CompilationProof.check(c);
    assertThat(r.mismatches()).as("checked %d", r.checked()).isEmpty();
  }

  @Test
  void shapeFollowsCalicoAndKubeRouter() {
    Cluster c = E2eCluster.with(dev.weft.policy.Policies.ingress("x", "deny", dev.weft.policy.model.LabelSelector.ALL));
    CompiledPolicies p = NetworkPolicyCompiler.compile(c);
    var filter = p.ruleset().table(Table.FILTER);
    assertThat(filter.chain(ChainName.of("WEFT-FORWARD"))).isPresent();
    assertThat(filter.chains().keySet().stream().map(ChainName::value).filter(n -> n.startsWith("WEFT-FW-"))).hasSize(9);
    assertThat(filter.chains().keySet().stream().map(ChainName::value).filter(n -> n.startsWith("WEFT-PI-"))).hasSize(1);
    assertThat(p.chainNames()).containsValue("NetworkPolicy x/deny ingress");
    // replies of any connection pass, even to an isolated pod
    RulesetEvaluator ev = new RulesetEvaluator(p.ruleset(), HostFacts.withLocalAddresses(Set.of()));
    IpAddress ya = E2eCluster.pod(c, "y/a").ip();
    IpAddress xa = E2eCluster.pod(c, "x/a").ip();
    PacketContext newConn = PacketContext.of(Packet.tcp(ya, 40000, xa, 80));
    assertThat(ev.evaluate(Table.FILTER, Hook.FORWARD, newConn).verdicts()).containsExactly(Verdict.DROP);
    assertThat(ev.evaluate(Table.FILTER, Hook.FORWARD, newConn.withCt(dev.weft.netfilter.eval.CtInfo.ESTABLISHED)).verdicts()).containsExactly(Verdict.ACCEPT);
  }

  /** The shop fixture compiled, as iptables-restore input (golden: review the shape when it changes). */
  @Test
  void shopChainsGolden() {
    Cluster shop = dev.weft.policy.verify.VerifyGoldenTest.load("shop");
    CompiledPolicies p = NetworkPolicyCompiler.compile(shop.withAdminPolicies(java.util.List.of(), java.util.Optional.empty()));
    // the ipsets in `ipset save` form, then the filter table in iptables-save form
    StringBuilder sets = new StringBuilder();
    p.ruleset().ipsets().values().forEach(s -> {
      sets.append("create ").append(s.name()).append(' ').append(s.type().keyword()).append('\n');
      s.entries().forEach(e -> sets.append("add ").append(s.name()).append(' ')
          .append(e.address().prefixLength() == 32 ? e.address().network().toString() : e.address().toString())
          .append(e.protocol().map(x -> "," + x + ":" + e.ports().orElseThrow()).orElse("")).append('\n'));
    });
    dev.weft.policy.Golden.check("shop-chains.iptables", sets + new dev.weft.netfilter.render.IptablesRestoreRenderer().render(p.ruleset()));
    assertThat(CompilationProof.check(shop).mismatches()).isEmpty();
  }
}
