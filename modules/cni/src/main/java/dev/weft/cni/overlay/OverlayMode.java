package dev.weft.cni.overlay;

import dev.weft.cni.bridge.BridgeMode;
import dev.weft.cni.bridge.BridgeOptions;
import dev.weft.cni.plugin.PodRequest;
import dev.weft.cni.protocol.CniException;
import dev.weft.cni.protocol.CniRequest;
import dev.weft.cni.protocol.NetworkConfig;
import dev.weft.cni.protocol.json.JsonObjectBuilder;
import dev.weft.cni.protocol.json.JsonValue.JsonArray;
import dev.weft.cni.protocol.json.JsonValue.JsonObject;
import dev.weft.cni.protocol.result.CniResult;
import dev.weft.linux.LinuxDriver;
import dev.weft.model.value.Cidr;
import dev.weft.model.value.Mtu;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Overlay mode, flannel-like: every ADD first makes the node's overlay state match the peers file
 * (so a node converges as soon as any pod starts), then attaches the pod exactly as bridge mode does on
 * the node's subnet, with the overlay's MTU and without masquerading traffic to other nodes' pods. The
 * pod addresses come from the config's {@code ipam} when there is one, else from weft-ipam over the
 * node subnet (gateway {@code .1}), as flannel's CNI part delegates to host-local with FLANNEL_SUBNET.
 */
public final class OverlayMode {
  private final LinuxDriver driver;
  private final BridgeMode bridge;
  private final Optional<UserspaceVteps> vteps;

  public OverlayMode(LinuxDriver driver, BridgeMode bridge, Optional<UserspaceVteps> vteps) {
    this.driver = driver;
    this.bridge = bridge;
    this.vteps = vteps;
  }

  public CniResult add(PodRequest pod, BridgeOptions options, OverlayOptions overlay) throws CniException {
    Cidr subnet = NodeSubnets.resolve(overlay.nodeSubnet());
    List<Peer> peers = PeersFile.read(overlay.peersFile());
    Mtu mtu = OverlayBackends.select(driver, overlay, vteps).reconcile(subnet, peers);
    if (overlay.dataplane() == OverlayOptions.Dataplane.WEFT && vteps.isPresent()) {
      try {
        vteps.get().remember(WeftDataplaneBackend.deviceFor(overlay),
            pod.cni().config().raw().toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      } catch (java.io.IOException e) {
        throw CniException.io("overlay: keep the config for the daemon's restart", e);
      }
    }
    BridgeOptions withMtu = options.mtu().isPresent() ? options : options.withMtu(mtu);
    List<Cidr> cluster = new ArrayList<>();
    peers.forEach(p -> cluster.add(p.subnet()));
    if (overlay.nodeSubnet() instanceof OverlayOptions.NodeSubnetSource.FromPool p) {
      cluster.addAll(p.pools());
    }
    return bridge.add(withIpam(pod, subnet, overlay), withMtu, cluster);
  }

  /**
   * Brings a {@code "dataplane": "weft"} overlay back after the daemon restarted: the node's existing
   * subnet and the peers file, reconciled as an ADD would. Nothing when the node has no subnet yet.
   */
  public void restore(OverlayOptions overlay) throws CniException {
    Optional<Cidr> subnet = NodeSubnets.existing(overlay.nodeSubnet());
    if (subnet.isPresent()) {
      OverlayBackends.select(driver, overlay, vteps).reconcile(subnet.get(), PeersFile.read(overlay.peersFile()));
    }
  }

  public void del(PodRequest pod, BridgeOptions options, OverlayOptions overlay) throws CniException {
    Optional<Cidr> subnet = NodeSubnets.existing(overlay.nodeSubnet());
    // a node that never claimed a subnet has no addresses to release: DEL still removes the rest
    bridge.del(subnet.isPresent() ? withIpam(pod, subnet.get(), overlay) : pod, options);
  }

  public void check(PodRequest pod, BridgeOptions options, OverlayOptions overlay) throws CniException {
    Cidr subnet = NodeSubnets.existing(overlay.nodeSubnet()).orElseThrow(() -> new CniException(
        dev.weft.cni.protocol.ErrorCode.PluginCode.CHECK_FAILED, "CHECK: this node has no overlay subnet"));
    bridge.check(withIpam(pod, subnet, overlay), options);
  }

  /** The request whose config has an {@code ipam} section: the user's, or weft-ipam over the node subnet. */
  public static PodRequest withIpam(PodRequest pod, Cidr subnet, OverlayOptions overlay) throws CniException {
    if (pod.cni().config().ipam().isPresent()) {
      return pod;
    }
    return new PodRequest(derived(pod.cni(), subnet, overlay), pod.network(), pod.attachment(), pod.netns(),
        pod.ifName(), pod.mac());
  }

  /** The request for GC and STATUS (no pod): the derived IPAM config when the node has a subnet. */
  public static CniRequest withIpam(CniRequest request, OverlayOptions overlay) throws CniException {
    if (request.config().ipam().isPresent()) {
      return request;
    }
    Optional<Cidr> subnet = NodeSubnets.existing(overlay.nodeSubnet());
    return subnet.isEmpty() ? request : derived(request, subnet.get(), overlay);
  }

  private static CniRequest derived(CniRequest request, Cidr subnet, OverlayOptions overlay) throws CniException {
    return new CniRequest(request.env(),
        NetworkConfig.fromJson(request.config().raw().with("ipam", ipamFor(subnet, overlay))));
  }

  private static JsonObject ipamFor(Cidr subnet, OverlayOptions overlay) {
    JsonObject range = new JsonObjectBuilder().put("subnet", subnet.toString())
        .put("gateway", subnet.network().plus(1).orElseThrow().toString()).build();
    JsonObjectBuilder ipam = new JsonObjectBuilder().put("type", "weft-ipam")
        .put("ranges", JsonArray.of(JsonArray.of(range)));
    overlay.ipamDataDir().ifPresent(d -> ipam.put("dataDir", d.toString()));
    return ipam.build();
  }
}
