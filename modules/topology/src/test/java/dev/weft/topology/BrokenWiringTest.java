package dev.weft.topology;

import static dev.weft.topology.BrokenCase.error;
import static dev.weft.topology.BrokenCase.warning;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Broken topologies whose values are fine one by one but do not fit together. */
class BrokenWiringTest {
  private final TopologyLoader loader = new TopologyLoader();

  static List<BrokenCase> cases() {
    return List.of(
        error("duplicate-host", """
            name: t
            hosts:
              - name: h1
              - name: h1 # <--
            """, "hosts[1].name", TopologyProblem.DUPLICATE_NAME),
        error("namespace-named-like-a-host", """
            name: t
            hosts:
              - name: h1
              - name: h2
                namespaces:
                  - {name: h1, mode: none} # <--
            """, "hosts[1].namespaces[0].name", TopologyProblem.DUPLICATE_NAME),
        error("pods-clash-with-a-namespace", """
            name: t
            hosts:
              - name: h1
                bridges: [{name: br0, gateway: 10.0.0.1/24}]
                namespaces:
                  - {name: web-2, mode: none}
                pods:
                  - {name: web, count: 3, bridge: br0, mode: bridge} # <--
            """, "hosts[0].pods[0].name", TopologyProblem.DUPLICATE_NAME),
        error("duplicate-bridge", """
            name: t
            hosts:
              - name: h1
                bridges:
                  - {name: br0}
                  - {name: br0} # <--
            """, "hosts[0].bridges[1]", TopologyProblem.DUPLICATE_NAME),
        error("duplicate-interface", """
            name: t
            hosts:
              - name: h1
                namespaces:
                  - name: pod1
                    mode: bridge
                    interfaces:
                      - {name: eth0}
                      - {name: eth0} # <--
            """, "hosts[0].namespaces[0].interfaces[1]", TopologyProblem.DUPLICATE_NAME),
        error("duplicate-overlay", """
            name: t
            hosts:
              - {name: h1, underlay: 10.0.0.1/24, bridges: [{name: br0}]}
              - {name: h2, underlay: 10.0.0.2/24, bridges: [{name: br0}]}
            overlays:
              - {name: o, type: vxlan, vni: 1, members: [{host: h1, bridge: br0}, {host: h2, bridge: br0}]}
              - {name: o, type: vxlan, vni: 2, members: [{host: h1, bridge: br0}, {host: h2, bridge: br0}]} # <--
            """, "overlays[1].name", TopologyProblem.DUPLICATE_NAME),
        error("duplicate-network", """
            name: t
            networks:
              - {name: wan, kind: external}
              - {name: wan, kind: external} # <--
            hosts: [{name: h1}]
            """, "networks[1].name", TopologyProblem.DUPLICATE_NAME),
        error("veth-to-unknown-namespace", """
            name: t
            hosts:
              - name: h1
                bridges: [{name: br0}]
                veths:
                  - endpoints: ["pod9:eth0", "br0"] # <--
            """, "hosts[0].veths[0].endpoints[0]", TopologyProblem.UNKNOWN_REFERENCE),
        error("veth-to-undeclared-interface", """
            name: t
            hosts:
              - name: h1
                bridges: [{name: br0}]
                namespaces:
                  - {name: pod1, mode: bridge, interfaces: [{name: eth0}]}
                veths:
                  - endpoints: ["pod1:eth1", "br0"] # <--
            """, "hosts[0].veths[0].endpoints[0]", TopologyProblem.UNKNOWN_REFERENCE),
        error("veth-to-unknown-bridge", """
            name: t
            hosts:
              - name: h1
                bridges: [{name: br0}]
                namespaces:
                  - {name: pod1, mode: bridge, interfaces: [{name: eth0}]}
                veths:
                  - endpoints: ["pod1:eth0", "br1"] # <--
            """, "hosts[0].veths[0].endpoints[1]", TopologyProblem.UNKNOWN_REFERENCE),
        error("overlay-member-unknown-host", """
            name: t
            hosts:
              - {name: h1, underlay: 10.0.0.1/24, bridges: [{name: br0}]}
            overlays:
              - name: o
                type: vxlan
                vni: 7
                members:
                  - {host: h1, bridge: br0}
                  - {host: h2, bridge: br0} # <--
            """, "overlays[0].members[1].host", TopologyProblem.UNKNOWN_REFERENCE),
        error("overlay-member-unknown-bridge", """
            name: t
            hosts:
              - {name: h1, underlay: 10.0.0.1/24, bridges: [{name: br0}]}
              - {name: h2, underlay: 10.0.0.2/24, bridges: [{name: br0}]}
            overlays:
              - name: o
                type: gre
                members:
                  - {host: h1, bridge: br0}
                  - {host: h2, bridge: br1} # <--
            """, "overlays[0].members[1].bridge", TopologyProblem.UNKNOWN_REFERENCE),
        error("uplink-to-unknown-network", """
            name: t
            networks: [{name: internet, kind: external}]
            hosts:
              - name: h1
                uplinks:
                  - {name: eth1, network: internte, address: 203.0.113.2/24} # <--
            """, "hosts[0].uplinks[0].network", TopologyProblem.UNKNOWN_REFERENCE),
        error("route-dev-unknown", """
            name: t
            hosts:
              - name: h1
                underlay: 10.0.0.1/24
                routes:
                  - {dst: 10.9.0.0/16, dev: eth9} # <--
            """, "hosts[0].routes[0].dev", TopologyProblem.UNKNOWN_REFERENCE),
        error("gateway-not-in-a-connected-subnet", """
            name: t
            hosts:
              - name: h1
                bridges: [{name: br0, gateway: 10.1.0.1/24}]
                namespaces:
                  - name: pod1
                    mode: bridge
                    interfaces: [{name: eth0, addresses: [10.1.0.10/24]}]
                    routes:
                      - {dst: default, via: 10.2.0.1} # <--
                veths:
                  - endpoints: ["pod1:eth0", "br0"]
            """, "hosts[0].namespaces[0].routes[0].via", TopologyProblem.OUTSIDE_SUBNET),
        error("address-outside-the-bridge-subnet", """
            name: t
            hosts:
              - name: h1
                bridges: [{name: br0, gateway: 10.1.0.1/24}]
                namespaces:
                  - name: pod1
                    mode: bridge
                    interfaces:
                      - name: eth0
                        addresses:
                          - 10.2.0.10/24 # <--
                veths:
                  - endpoints: ["pod1:eth0", "br0"]
            """, "hosts[0].namespaces[0].interfaces[0].addresses[0]", TopologyProblem.OUTSIDE_SUBNET),
        error("uplink-outside-its-network", """
            name: t
            networks: [{name: internet, kind: external, subnet: 203.0.113.0/24}]
            hosts:
              - name: h1
                uplinks:
                  - {name: eth1, network: internet, address: 198.51.100.2/24} # <--
            """, "hosts[0].uplinks[0].address", TopologyProblem.OUTSIDE_SUBNET),
        error("underlay-address-outside-the-underlay", """
            name: t
            underlay: {subnet: 192.168.0.0/24}
            hosts:
              - name: h1
                underlay: 192.168.1.1/24 # <--
            """, "hosts[0].underlay", TopologyProblem.OUTSIDE_SUBNET),
        error("bridges-of-one-host-overlap", """
            name: t
            hosts:
              - name: h1
                bridges:
                  - {name: br0, gateway: 10.1.0.1/16}
                  - {name: br1, gateway: 10.1.2.1/24} # <--
            """, "hosts[0].bridges[1]", TopologyProblem.SUBNET_OVERLAP),
        error("bridge-overlaps-the-underlay", """
            name: t
            hosts:
              - name: h1
                underlay: 192.168.0.1/24
                bridges:
                  - {name: br0, gateway: 192.168.0.129/25} # <--
            """, "hosts[0].bridges[0]", TopologyProblem.SUBNET_OVERLAP),
        error("routed-bridges-overlap", """
            name: t
            hosts:
              - {name: h1, underlay: 10.0.0.1/24, bridges: [{name: br0, gateway: 10.244.1.1/24}]}
              - name: h2
                underlay: 10.0.0.2/24
                bridges:
                  - {name: br0, gateway: 10.244.1.129/25} # <--
            overlays:
              - {name: o, type: vxlan, mode: l3, vni: 1, members: [{host: h1, bridge: br0}, {host: h2, bridge: br0}]}
            """, "hosts[1].bridges[0]", TopologyProblem.SUBNET_OVERLAP),
        error("duplicate-address", """
            name: t
            hosts:
              - name: h1
                underlay: 10.0.0.1/24
              - name: h2
                underlay: 10.0.0.1/24 # <--
            """, "hosts[1].underlay", TopologyProblem.DUPLICATE_ADDRESS),
        error("pods-exhaust-the-subnet", """
            name: t
            hosts:
              - name: h1
                bridges: [{name: br0, gateway: 10.1.0.1/29}]
                pods:
                  - name: web
                    count: 6 # <--
                    bridge: br0
                    mode: bridge
            """, "hosts[0].pods[0].count", TopologyProblem.SUBNET_EXHAUSTED),
        error("pods-on-a-bridge-without-gateway", """
            name: t
            hosts:
              - name: h1
                bridges: [{name: br0}]
                pods:
                  - {name: web, count: 2, bridge: br0, mode: bridge} # <--
            """, "hosts[0].pods[0].bridge", TopologyProblem.INVALID_WIRING),
        error("none-mode-with-interfaces", """
            name: t
            hosts:
              - name: h1
                namespaces:
                  - name: job
                    mode: none
                    interfaces:
                      - {name: eth0} # <--
            """, "hosts[0].namespaces[0].interfaces[0]", TopologyProblem.MODE_CONFLICT),
        error("host-mode-with-interfaces", """
            name: t
            hosts:
              - name: h1
                namespaces:
                  - name: agent
                    mode: host
                    interfaces:
                      - {name: eth0} # <--
            """, "hosts[0].namespaces[0].interfaces[0]", TopologyProblem.MODE_CONFLICT),
        error("veth-to-a-host-mode-namespace", """
            name: t
            hosts:
              - name: h1
                bridges: [{name: br0}]
                namespaces:
                  - {name: agent, mode: host}
                veths:
                  - endpoints: ["agent:eth0", "br0"] # <--
            """, "hosts[0].veths[0].endpoints[0]", TopologyProblem.MODE_CONFLICT),
        error("overlay-mode-without-overlay", """
            name: t
            hosts:
              - name: h1
                bridges: [{name: br0, gateway: 10.1.0.1/24}]
                pods:
                  - {name: web, count: 1, bridge: br0, mode: overlay} # <--
            """, "hosts[0].pods[0].mode", TopologyProblem.MODE_CONFLICT),
        error("overlay-with-one-member", """
            name: t
            hosts:
              - {name: h1, underlay: 10.0.0.1/24, bridges: [{name: br0}]}
            overlays:
              - name: lonely # <--
                type: vxlan
                vni: 3
                members: [{host: h1, bridge: br0}]
            """, "overlays[0]", TopologyProblem.INVALID_WIRING),
        error("veth-across-hosts", """
            name: t
            hosts:
              - name: h1
                namespaces:
                  - {name: pod1, mode: bridge, interfaces: [{name: eth0}]}
              - name: h2
                bridges: [{name: br0}]
                veths:
                  - endpoints: ["pod1:eth0", "br0"] # <--
            """, "hosts[1].veths[0].endpoints[0]", TopologyProblem.INVALID_WIRING),
        error("ipmasq-without-gateway", """
            name: t
            hosts:
              - name: h1
                bridges:
                  - name: br0
                    ipMasq: true # <--
            """, "hosts[0].bridges[0].ipMasq", TopologyProblem.INVALID_WIRING),
        error("member-host-without-underlay", """
            name: t
            hosts:
              - {name: h1, underlay: 10.0.0.1/24, bridges: [{name: br0}]}
              - {name: h2, bridges: [{name: br0}]}
            overlays:
              - name: o
                type: vxlan
                vni: 9
                members:
                  - {host: h1, bridge: br0}
                  - {host: h2, bridge: br0} # <--
            """, "overlays[0].members[1].host", TopologyProblem.INVALID_WIRING),
        error("interface-in-two-veths", """
            name: t
            hosts:
              - name: h1
                bridges: [{name: br0}, {name: br1}]
                namespaces:
                  - {name: pod1, mode: bridge, interfaces: [{name: eth0}]}
                veths:
                  - endpoints: ["pod1:eth0", "br0"]
                  - endpoints: ["pod1:eth0", "br1"] # <--
            """, "hosts[0].veths[1].endpoints[0]", TopologyProblem.INVALID_WIRING),
        warning("bridge-mtu-inside-vxlan", """
            name: t
            hosts:
              - name: h1
                underlay: 10.0.0.1/24
                bridges:
                  - {name: br0, gateway: 10.1.0.1/24} # <--
              - {name: h2, underlay: 10.0.0.2/24, bridges: [{name: br0, gateway: 10.1.0.2/24, mtu: 1450}]}
            overlays:
              - {name: o, type: vxlan, vni: 1, members: [{host: h1, bridge: br0}, {host: h2, bridge: br0}]}
            """, "hosts[0].bridges[0]", TopologyProblem.MTU_TOO_LARGE),
        warning("pod-mtu-inside-gre", """
            name: t
            hosts:
              - name: h1
                underlay: 10.0.0.1/24
                bridges: [{name: br0, gateway: 10.1.0.1/24, mtu: 1400}]
                pods:
                  - {name: web, count: 2, bridge: br0, mode: overlay, mtu: 1500} # <--
              - {name: h2, underlay: 10.0.0.2/24, bridges: [{name: br0, gateway: 10.1.0.2/24, mtu: 1400}]}
            overlays:
              - {name: o, type: gre, members: [{host: h1, bridge: br0}, {host: h2, bridge: br0}]}
            """, "hosts[0].pods[0]", TopologyProblem.MTU_TOO_LARGE),
        warning("pod-mtu-above-a-small-tunnel-device", """
            name: t
            hosts:
              - name: h1
                underlay: 10.0.0.1/24
                bridges: [{name: br0, gateway: 10.1.0.1/24, mtu: 1300}]
                pods:
                  - {name: web, count: 1, bridge: br0, mode: overlay, mtu: 1400} # <--
              - {name: h2, underlay: 10.0.0.2/24, bridges: [{name: br0, gateway: 10.1.0.2/24, mtu: 1300}]}
            overlays:
              - {name: o, type: vxlan, vni: 5, mtu: 1300, members: [{host: h1, bridge: br0}, {host: h2, bridge: br0}]}
            """, "hosts[0].pods[0]", TopologyProblem.MTU_TOO_LARGE),
        warning("unconnected-interface", """
            name: t
            hosts:
              - name: h1
                namespaces:
                  - name: pod1
                    mode: bridge
                    interfaces:
                      - {name: eth0} # <--
            """, "hosts[0].namespaces[0].interfaces[0]", TopologyProblem.UNCONNECTED),
        warning("gre-full-mesh-loops", """
            name: t
            hosts:
              - {name: h1, underlay: 10.0.0.1/24, bridges: [{name: br0}]}
              - {name: h2, underlay: 10.0.0.2/24, bridges: [{name: br0}]}
              - {name: h3, underlay: 10.0.0.3/24, bridges: [{name: br0}]}
            overlays:
              - name: o # <--
                type: gre
                members: [{host: h1, bridge: br0}, {host: h2, bridge: br0}, {host: h3, bridge: br0}]
            """, "overlays[0]", TopologyProblem.L2_LOOP));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsTheRightLineFieldAndKind(BrokenCase c) {
    c.verify(loader);
  }
}
