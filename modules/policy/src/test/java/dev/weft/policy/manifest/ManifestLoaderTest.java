package dev.weft.policy.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.document.Diagnostic;
import dev.weft.policy.model.Cluster;
import dev.weft.policy.model.Direction;
import dev.weft.policy.model.NetworkPolicy;
import dev.weft.policy.model.Peer;
import dev.weft.policy.model.PortMatch;
import dev.weft.policy.model.Protocol;
import dev.weft.policy.model.SelectorOperator;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ManifestLoaderTest {
  private static Cluster loaded(String yaml) {
    ManifestLoad l = new ManifestLoader().loadText("m.yaml", yaml);
    assertThat(l).as(l.diagnostics().toString()).isInstanceOf(ManifestLoad.Loaded.class);
    return ((ManifestLoad.Loaded) l).cluster();
  }

  private static List<String> errors(String yaml) {
    ManifestLoad l = new ManifestLoader().loadText("bad.yaml", yaml);
    assertThat(l).isInstanceOf(ManifestLoad.Invalid.class);
    return l.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::format).toList();
  }

  @Test
  void readsEveryNetworkPolicyField() {
    Cluster c = loaded("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: full, namespace: prod}
        spec:
          podSelector:
            matchLabels: {app: web}
            matchExpressions: [{key: tier, operator: NotIn, values: [db]}, {key: x, operator: Exists}]
          policyTypes: [Ingress, Egress]
          ingress:
            - from:
                - namespaceSelector: {matchLabels: {team: a}}
                  podSelector: {matchLabels: {role: client}}
                - ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}
              ports:
                - {port: 80}
                - {protocol: UDP, port: dns}
                - {protocol: SCTP, port: 9000, endPort: 9100}
                - {protocol: TCP}
          egress:
            - {}
        """);
    NetworkPolicy p = c.policies().getFirst();
    assertThat(p.qualifiedName()).isEqualTo("prod/full");
    assertThat(p.effectiveTypes()).containsExactlyInAnyOrder(Direction.INGRESS, Direction.EGRESS);
    assertThat(p.podSelector().matchExpressions().getFirst().operator()).isEqualTo(SelectorOperator.NOT_IN);
    assertThat(p.ingress().getFirst().peers().get(0)).isInstanceOf(Peer.SelectorPeer.class);
    assertThat(p.ingress().getFirst().peers().get(1).toString()).isEqualTo("ipBlock 10.0.0.0/8 except [10.1.0.0/16]");
    assertThat(p.ingress().getFirst().ports()).containsExactly(
        PortMatch.ProtocolPorts.single(Protocol.TCP, 80),
        new PortMatch.NamedPort("dns", Optional.of(Protocol.UDP)),
        new PortMatch.ProtocolPorts(Protocol.SCTP, new dev.weft.model.value.PortRange(9000, 9100)),
        PortMatch.ProtocolPorts.allOf(Protocol.TCP));
    assertThat(p.egress()).hasSize(1);
    assertThat(p.egress().getFirst().peers()).isEmpty();
  }

  @Test
  void workloadsMaterialiseTheirReplicas() {
    Cluster c = loaded("""
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db, namespace: prod}
        spec:
          replicas: 3
          template:
            metadata: {labels: {app: db}}
            spec: {containers: [{name: pg, ports: [{name: pg, containerPort: 5432}]}]}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: w}]}
        """);
    assertThat(c.pods()).extracting(p -> p.id().toString()).contains("prod/db-0", "prod/db-1", "prod/db-2");
    assertThat(c.pods()).filteredOn(p -> p.namespace().equals("default")).singleElement()
        .satisfies(p -> assertThat(p.id().name()).matches("web-[a-z0-9]{5}"));
    assertThat(c.namespace("prod").orElseThrow().labels().get("kubernetes.io/metadata.name")).contains("prod");
  }

  @Test
  void realPodsReplaceTheTemplateAndKeepTheirIp() {
    Cluster c = loaded("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: a}
        spec: {replicas: 5, template: {metadata: {labels: {app: web}}, spec: {containers: [{name: w}]}}}
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: web-5d4f8b7c9-abcde
          namespace: a
          labels: {app: web, pod-template-hash: 5d4f8b7c9}
          ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-5d4f8b7c9, controller: true}]
        spec: {containers: [{name: w}]}
        status: {podIP: 10.9.8.7}
        """);
    assertThat(c.pods()).singleElement().satisfies(p -> {
      assertThat(p.ip().toString()).isEqualTo("10.9.8.7");
      assertThat(p.workload().qualifiedName()).isEqualTo("a/web");
      assertThat(p.workload().kind()).isEqualTo("Deployment");
    });
  }

  @Test
  void malformedManifestsGiveLocatedErrors() {
    assertThat(errors("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: p, namespace: n}
        spec:
          podSelectr: {}
        """)).singleElement().asString().startsWith("bad.yaml:5:3: error: spec.podSelectr").contains("did you mean 'podSelector'");
    assertThat(errors("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: p, namespace: n}
        spec:
          ingress:
            - from: [{ipBlock: {cidr: 10.0.0.0/33}}]
        """)).singleElement().asString().startsWith("bad.yaml:6:").contains("cidr");
    assertThat(errors("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: p, namespace: n}
        spec:
          ingress:
            - ports: [{port: 80, endPort: 70, protocol: TCP}]
        """)).singleElement().asString().contains("endPort");
    assertThat(errors("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: p, namespace: n}
        spec:
          ingress:
            - ports: [{port: 80, protocol: tcp}]
        """)).singleElement().asString().contains("unknown protocol 'tcp'");
    assertThat(errors("key: [unclosed\n")).singleElement().asString().startsWith("bad.yaml:");
  }

  @Test
  void ignoredKindsAreReportedOnce() {
    ManifestLoad l = new ManifestLoader().loadText("m.yaml", """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: a}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: b}
        """);
    assertThat(l.diagnostics()).singleElement().satisfies(d -> assertThat(d.message()).contains("ConfigMap").contains("2 object(s)"));
  }

  @Test
  void missingPathIsAnError() {
    ManifestLoad l = new ManifestLoader().load(List.of(Path.of("/nonexistent/weft")));
    assertThat(l).isInstanceOf(ManifestLoad.Invalid.class);
  }

  @Test
  void admissionTierPolicies() {
    Cluster c = loaded("""
        apiVersion: policy.networking.k8s.io/v1alpha1
        kind: AdminNetworkPolicy
        metadata: {name: a}
        spec:
          priority: 5
          subject: {pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: x}}}}
          ingress:
            - {name: r1, action: Pass, from: [{namespaces: {matchLabels: {env: dev}}}], ports: [{portNumber: {protocol: TCP, port: 80}}, {namedPort: http}, {portRange: {protocol: UDP, start: 1000, end: 2000}}]}
          egress:
            - {action: Deny, to: [{networks: [192.0.2.0/24]}]}
        """);
    assertThat(c.adminPolicies()).singleElement().satisfies(a -> {
      assertThat(a.priority()).isEqualTo(5);
      assertThat(a.ingress().getFirst().ports()).hasSize(3);
      assertThat(a.egress().getFirst().peers().getFirst()).isInstanceOf(dev.weft.policy.model.AdminPeer.Networks.class);
    });
  }
}
