package dev.weft.topology.parse;

/** The keys each map of the topology format allows, in the order the documentation lists them. */
final class Keys {
  private Keys() {}

  static final String[] TOPOLOGY = {"name", "underlay", "networks", "hosts", "overlays"};
  static final String[] UNDERLAY = {"mtu", "subnet"};
  static final String[] NETWORK = {"name", "kind", "subnet", "mtu"};
  static final String[] HOST = {"name", "underlay", "uplinks", "ipForward", "routes", "chains", "bridges", "namespaces",
      "veths", "pods"};
  static final String[] CHAINS = {"file", "ipsets"};
  static final String[] UPLINK = {"name", "network", "address", "mtu", "mac"};
  static final String[] BRIDGE = {"name", "gateway", "ipMasq", "mtu", "fdbAgeing", "mac"};
  static final String[] NAMESPACE = {"name", "mode", "ipForward", "interfaces", "routes", "chains"};
  static final String[] INTERFACE = {"name", "addresses", "mtu", "mac"};
  static final String[] ROUTE = {"dst", "via", "dev", "onlink", "metric"};
  static final String[] VETH = {"endpoints"};
  static final String[] PODS = {"name", "count", "bridge", "mode", "mtu"};
  static final String[] VXLAN = {"name", "type", "vni", "port", "learning", "mode", "device", "mtu", "members"};
  static final String[] GRE = {"name", "type", "key", "mtu", "members"};
  static final String[] ANY_OVERLAY = {"name", "type", "vni", "port", "learning", "mode", "device", "key", "mtu",
      "members"};
  static final String[] MEMBER = {"host", "bridge", "uplink"};
}
