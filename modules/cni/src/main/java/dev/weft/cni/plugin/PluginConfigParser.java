package dev.weft.cni.plugin;

import dev.weft.cni.bridge.BridgeOptions;
import dev.weft.cni.overlay.OverlayOptions;
import dev.weft.cni.overlay.OverlayOptions.NodeSubnetSource;
import dev.weft.cni.protocol.CniException;
import dev.weft.cni.protocol.ConfigNode;
import dev.weft.cni.protocol.ErrorCode;
import dev.weft.cni.protocol.NetworkConfig;
import dev.weft.model.value.Cidr;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Mtu;
import dev.weft.model.value.Vni;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the plugin's own keys from the network config. Every mistake is code 7 naming the field (for
 * example {@code overlay.vni: expected an integer from 0 to 16777215, got the string "x"}); a key the
 * reference bridge plugin has but weft does not implement ({@code vlan}, {@code vlanTrunk}) is code 2.
 */
public final class PluginConfigParser {
  private static final List<String> MODES = List.of("bridge", "overlay", "host", "none");

  private PluginConfigParser() {}

  public static ModeConfig parse(NetworkConfig config) throws CniException {
    ConfigNode root = config.root();
    String mode = root.field("mode").isPresent() ? root.require("mode").asString() : "bridge";
    for (String unsupported : List.of("vlan", "vlanTrunk", "preserveDefaultVlan")) {
      if (root.field(unsupported).isPresent()) {
        throw new CniException(ErrorCode.Standard.UNSUPPORTED_FIELD, "unsupported field '" + unsupported + "' = "
            + root.require(unsupported).value().toJson() + ": weft does not implement bridge VLANs");
      }
    }
    return switch (mode) {
      case "bridge" -> new ModeConfig.Bridge(bridge(root, false));
      case "overlay" -> new ModeConfig.Overlay(bridge(root, true), overlay(root.require("overlay"), config.name()));
      case "host" -> new ModeConfig.Host();
      case "none" -> new ModeConfig.None();
      default -> throw root.require("mode").error("unknown mode '" + mode + "', expected one of " + MODES);
    };
  }

  static BridgeOptions bridge(ConfigNode root, boolean overlay) throws CniException {
    InterfaceName name = root.field("bridge").isPresent()
        ? root.require("bridge").asValue(InterfaceName::of) : BridgeOptions.DEFAULT_BRIDGE;
    Optional<Mtu> mtu = root.field("mtu").isPresent()
        ? Optional.of(Mtu.of((int) root.require("mtu").asLong(Mtu.MIN, Mtu.MAX))) : Optional.empty();
    boolean hairpin = flag(root, "hairpinMode", false);
    boolean promisc = flag(root, "promiscMode", false);
    if (hairpin && promisc) {
      throw root.require("promiscMode").error("cannot be true together with hairpinMode");
    }
    // an overlay node routes for its pods, so its bridge is always their gateway
    boolean isDefaultGateway = flag(root, "isDefaultGateway", overlay);
    return new BridgeOptions(name, flag(root, "isGateway", overlay) || isDefaultGateway, isDefaultGateway,
        flag(root, "ipMasq", false), mtu, hairpin, promisc, flag(root, "forceAddress", false),
        flag(root, "macspoofchk", false), flag(root, "enabledad", false));
  }

  static OverlayOptions overlay(ConfigNode o, String network) throws CniException {
    OverlayOptions.Backend backend = switch (string(o, "backend", "vxlan")) {
      case "vxlan" -> OverlayOptions.Backend.VXLAN;
      case "gre" -> OverlayOptions.Backend.GRE;
      default -> throw o.require("backend").error("unknown backend, expected \"vxlan\" or \"gre\"");
    };
    OverlayOptions.Dataplane dataplane = switch (string(o, "dataplane", "kernel")) {
      case "kernel" -> OverlayOptions.Dataplane.KERNEL;
      case "weft" -> OverlayOptions.Dataplane.WEFT;
      default -> throw o.require("dataplane").error("unknown dataplane, expected \"kernel\" or \"weft\"");
    };
    Vni vni = Vni.of(o.field("vni").isPresent() ? (int) o.require("vni").asLong(0, Vni.MAX) : 1);
    int port = o.field("port").isPresent() ? (int) o.require("port").asLong(1, 65535)
        : backend == OverlayOptions.Backend.GRE ? OverlayOptions.GRE_IN_UDP_PORT : OverlayOptions.DEFAULT_PORT;
    Optional<InterfaceName> underlay = o.field("underlay").isPresent()
        ? Optional.of(o.require("underlay").asValue(InterfaceName::of)) : Optional.empty();
    Optional<IpAddress> local = o.field("localAddress").isPresent()
        ? Optional.of(o.require("localAddress").asValue(IpAddress::parse)) : Optional.empty();
    if (local.isPresent() && !local.get().isIpv4()) {
      throw o.require("localAddress").error("the overlay runs over IPv4; expected an IPv4 address");
    }
    Path peers = Path.of(o.require("peersFile").asString());
    Optional<Path> dataDir = o.field("dataDir").isPresent()
        ? Optional.of(Path.of(o.require("dataDir").asString())) : Optional.empty();
    return new OverlayOptions(backend, dataplane, vni, port, underlay, local, peers, nodeSubnet(o, network), dataDir);
  }

  private static NodeSubnetSource nodeSubnet(ConfigNode o, String network) throws CniException {
    Optional<ConfigNode> subnet = o.field("subnet");
    Optional<ConfigNode> pool = o.field("clusterPool");
    if (subnet.isPresent() == pool.isPresent()) {
      throw o.error("expected exactly one of 'subnet' (this node's pod subnet) and 'clusterPool'");
    }
    if (subnet.isPresent()) {
      Cidr cidr = subnet.get().asValue(Cidr::parse);
      if (!cidr.network().isIpv4() || cidr.prefixLength() > 30) {
        throw subnet.get().error("expected an IPv4 subnet of /30 or larger, got " + cidr);
      }
      return new NodeSubnetSource.Fixed(cidr);
    }
    ConfigNode p = pool.get();
    List<Cidr> pools = new ArrayList<>();
    for (ConfigNode c : p.require("pools").asList()) {
      pools.add(c.asValue(Cidr::parse));
    }
    if (pools.isEmpty()) {
      throw p.require("pools").error("expected at least one pool");
    }
    int prefix = p.field("blockPrefix").isPresent() ? (int) p.require("blockPrefix").asLong(8, 30) : 24;
    Path dir = Path.of(string(p, "dataDir", "/var/lib/weft/blocks/" + network));
    String node = p.field("node").isPresent() ? p.require("node").asString() : hostName();
    return new NodeSubnetSource.FromPool(pools, prefix, dir, node);
  }

  private static String hostName() {
    String fromEnv = System.getenv("NODE_NAME");
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return fromEnv;
    }
    try {
      return java.nio.file.Files.readString(Path.of("/etc/hostname")).strip();
    } catch (java.io.IOException e) {
      return "localhost";
    }
  }

  private static boolean flag(ConfigNode root, String key, boolean fallback) throws CniException {
    Optional<ConfigNode> f = root.field(key);
    return f.isPresent() ? f.get().asBoolean() : fallback;
  }

  private static String string(ConfigNode node, String key, String fallback) throws CniException {
    Optional<ConfigNode> f = node.field(key);
    return f.isPresent() ? f.get().asString() : fallback;
  }
}
