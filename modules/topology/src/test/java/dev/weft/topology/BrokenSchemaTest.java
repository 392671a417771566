package dev.weft.topology;

import static dev.weft.topology.BrokenCase.error;
import static dev.weft.topology.BrokenCase.errorAt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.document.Diagnostic;
import dev.weft.document.DocumentProblem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Broken topologies whose problem is in the YAML itself or in one value: syntax, keys, types, values. */
class BrokenSchemaTest {
  private final TopologyLoader loader = new TopologyLoader();

  static List<BrokenCase> cases() {
    return List.of(
        errorAt("unclosed-flow-list", """
            name: t
            hosts: [
            """, 3, "", DocumentProblem.SYNTAX),
        error("tab-indentation", """
            name: t
            hosts:
            \t- name: h1 # <--
            """, "", DocumentProblem.SYNTAX),
        error("duplicate-yaml-key", """
            name: t
            hosts:
              - name: h1
                name: h2 # <--
            """, "hosts[0].name", DocumentProblem.DUPLICATE_KEY),
        error("top-level-typo", """
            name: t
            host: # <--
              - name: h1
            """, "host", DocumentProblem.UNKNOWN_KEY),
        error("namespace-key-typo", """
            name: t
            hosts:
              - name: h1
                namespces: [] # <--
            """, "hosts[0].namespces", DocumentProblem.UNKNOWN_KEY),
        error("vni-on-gre-overlay", """
            name: t
            hosts: [{name: h1}]
            overlays:
              - name: o
                type: gre
                vni: 5 # <--
                members: []
            """, "overlays[0].vni", DocumentProblem.UNKNOWN_KEY),
        error("hosts-not-a-list", """
            name: t
            hosts: {name: h1} # <--
            """, "hosts", DocumentProblem.WRONG_TYPE),
        error("count-is-text", """
            name: t
            hosts:
              - name: h1
                bridges: [{name: br0, gateway: 10.0.0.1/24}]
                pods:
                  - {name: web, count: three, bridge: br0, mode: bridge} # <--
            """, "hosts[0].pods[0].count", DocumentProblem.WRONG_TYPE),
        error("ipmasq-yes", """
            name: t
            hosts:
              - name: h1
                bridges:
                  - {name: br0, gateway: 10.0.0.1/24, ipMasq: yes} # <--
            """, "hosts[0].bridges[0].ipMasq", DocumentProblem.WRONG_TYPE),
        error("missing-topology-name", """
            hosts: # <--
              - name: h1
            """, "name", DocumentProblem.MISSING_KEY),
        error("host-without-name", """
            name: t
            hosts:
              - underlay: 10.0.0.1/24 # <--
            """, "hosts[0].name", DocumentProblem.MISSING_KEY),
        error("namespace-without-mode", """
            name: t
            hosts:
              - name: h1
                namespaces:
                  - name: pod1 # <--
            """, "hosts[0].namespaces[0].mode", DocumentProblem.MISSING_KEY),
        error("route-without-gateway-or-device", """
            name: t
            hosts:
              - name: h1
                underlay: 10.0.0.1/24
                routes:
                  - {dst: default} # <--
            """, "hosts[0].routes[0]", DocumentProblem.MISSING_KEY),
        error("gateway-prefix-too-long", """
            name: t
            hosts:
              - name: h1
                bridges:
                  - name: br0
                    gateway: 10.1.0.1/33 # <--
            """, "hosts[0].bridges[0].gateway", DocumentProblem.INVALID_VALUE),
        error("vni-out-of-range", """
            name: t
            hosts: [{name: h1}, {name: h2}]
            overlays:
              - name: o
                type: vxlan
                vni: 16777216 # <--
                members: []
            """, "overlays[0].vni", DocumentProblem.INVALID_VALUE),
        error("interface-name-too-long", """
            name: t
            hosts:
              - name: h1
                namespaces:
                  - name: pod1
                    mode: bridge
                    interfaces:
                      - name: eth0-much-too-long # <--
            """, "hosts[0].namespaces[0].interfaces[0].name", DocumentProblem.INVALID_VALUE),
        error("endpoint-interface-name-too-long", """
            name: t
            hosts:
              - name: h1
                veths:
                  - endpoints: ["pod1:an-interface-name", "br0"] # <--
            """, "hosts[0].veths[0].endpoints[0]", DocumentProblem.INVALID_VALUE),
        error("unknown-mode", """
            name: t
            hosts:
              - name: h1
                namespaces:
                  - {name: pod1, mode: bridged} # <--
            """, "hosts[0].namespaces[0].mode", DocumentProblem.INVALID_VALUE),
        error("multicast-mac", """
            name: t
            hosts:
              - name: h1
                namespaces:
                  - name: pod1
                    mode: bridge
                    interfaces:
                      - {name: eth0, mac: "01:00:5e:00:00:01"} # <--
            """, "hosts[0].namespaces[0].interfaces[0].mac", DocumentProblem.INVALID_VALUE),
        error("veth-with-three-ends", """
            name: t
            hosts:
              - name: h1
                veths:
                  - endpoints: [a, b, c] # <--
            """, "hosts[0].veths[0].endpoints", DocumentProblem.INVALID_VALUE),
        error("gateway-of-other-family", """
            name: t
            hosts:
              - name: h1
                underlay: 10.0.0.1/24
                routes:
                  - {dst: 10.9.0.0/16, via: "fd00::1"} # <--
            """, "hosts[0].routes[0].via", DocumentProblem.INVALID_VALUE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsTheRightLineFieldAndKind(BrokenCase c) {
    c.verify(loader);
  }

  @Test
  void unknownKeysSuggestTheClosestKey() {
    TopologyLoad load = loader.load("t.yaml", "name: t\nhosts:\n  - name: h1\n    namespces: []\n");
    Diagnostic d = load.diagnostics().getFirst();
    assertThat(d.format()).isEqualTo("t.yaml:4:5: error: hosts[0].namespces: unknown key 'namespces' (expected one of:"
        + " name, underlay, uplinks, ipForward, routes, chains, bridges, namespaces, veths, pods) [did you mean 'namespaces'?]");
  }

  @Test
  void emptyFilesAndStreamsOfSeveralDocumentsAreRejected() {
    assertThat(loader.load("e.yaml", "# nothing\n").diagnostics()).singleElement()
        .satisfies(d -> assertThat(d.kind()).isEqualTo(TopologyProblem.NOT_ONE_DOCUMENT));
    assertThat(loader.load("two.yaml", "name: a\nhosts: [{name: h}]\n---\nname: b\n").diagnostics()).singleElement()
        .satisfies(d -> {
          assertThat(d.kind()).isEqualTo(TopologyProblem.NOT_ONE_DOCUMENT);
          assertThat(d.location().line()).isEqualTo(4);
        });
  }

  @Test
  void aMissingFileIsADiagnosticToo() {
    TopologyLoad load = loader.load(java.nio.file.Path.of("does/not/exist.yaml"));
    assertThat(load).isInstanceOf(TopologyLoad.Invalid.class);
    assertThat(load.diagnostics().getFirst().kind()).isEqualTo(DocumentProblem.UNREADABLE);
  }
}
