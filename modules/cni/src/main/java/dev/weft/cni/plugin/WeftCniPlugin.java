package dev.weft.cni.plugin;

import dev.weft.cni.bridge.BridgeMode;
import dev.weft.cni.ipam.IpamClient;
import dev.weft.cni.nft.PodRuleInventory;
import dev.weft.cni.nft.PodRules;
import dev.weft.cni.overlay.OverlayBackends;
import dev.weft.cni.overlay.OverlayMode;
import dev.weft.cni.overlay.PeersFile;
import dev.weft.cni.overlay.UserspaceVteps;
import dev.weft.cni.protocol.CniException;
import dev.weft.cni.protocol.CniLog;
import dev.weft.cni.protocol.CniPlugin;
import dev.weft.cni.protocol.CniRequest;
import dev.weft.cni.protocol.DelegateInvoker;
import dev.weft.cni.protocol.ErrorCode;
import dev.weft.cni.protocol.NetworkConfig;
import dev.weft.cni.protocol.result.CniResult;
import dev.weft.linux.LinuxDriver;
import dev.weft.linux.Rtnetlink;
import dev.weft.linux.error.DriverException;
import dev.weft.linux.netns.NetnsRef;
import java.util.Optional;
import java.util.concurrent.locks.Lock;

/**
 * The weft CNI plugin: reads the mode from the config and hands the command to it. The same instance
 * serves the node daemon (many requests, one warm driver) and a standalone run (one request).
 *
 * <p>Design note: the plugin keeps no state of its own between requests. Everything DEL and GC need is
 * derivable (host veth names), stored by IPAM (addresses), or labelled in the kernel (nft element
 * comments), so a crashed daemon, a standalone run and the daemon see the same world. Shared node
 * state is safe under concurrency by construction: bridge and device creation accept "already exists",
 * IPAM holds its flock, and nft changes are single transactions of idempotent statements. In-process,
 * GC of a network excludes its ADDs and DELs (a read-write lock per network), as the spec requires.
 */
public final class WeftCniPlugin implements CniPlugin {
  public static final String VERSION = "0.1.0";

  private final LinuxDriver driver;
  private final CniLog log;
  private final IpamClient ipam;
  private final BridgeMode bridge;
  private final OverlayMode overlay;
  private final SimpleModes simple;
  private final GarbageCollector gc;
  private final NetworkLocks locks;
  private final Optional<UserspaceVteps> vteps;

  /** {@code vteps}: the node daemon's userspace tunnels ({@code "dataplane": "weft"}); empty standalone. */
  public WeftCniPlugin(LinuxDriver driver, CniLog log, NetworkLocks locks, Optional<UserspaceVteps> vteps) {
    this.driver = driver;
    this.locks = locks;
    this.vteps = vteps;
    this.log = log;
    this.ipam = new IpamClient(log, new DelegateInvoker());
    PodRules rules = new PodRules(driver.netfilter(), NetnsRef.home());
    this.bridge = new BridgeMode(driver, ipam, rules, log);
    this.overlay = new OverlayMode(driver, bridge, vteps);
    this.simple = new SimpleModes(driver);
    this.gc = new GarbageCollector(driver, ipam, rules, new PodRuleInventory(), log);
  }

  /**
   * Replays a network config kept by the daemon ({@link dev.weft.cni.overlay.UserspaceVteps}): a
   * {@code "dataplane": "weft"} overlay is reconciled again; any other config is ignored.
   */
  public void restoreOverlay(byte[] config) throws CniException {
    if (PluginConfigParser.parse(NetworkConfig.parse(config)) instanceof ModeConfig.Overlay o
        && o.overlay().dataplane() == dev.weft.cni.overlay.OverlayOptions.Dataplane.WEFT) {
      overlay.restore(o.overlay());
    }
  }

  @Override
  public CniResult add(CniRequest request) throws CniException {
    ModeConfig mode = PluginConfigParser.parse(request.config());
    PodRequest pod = PodRequest.of(request);
    Lock lock = lock(request, false);
    try {
      CniResult result = switch (mode) {
        case ModeConfig.Bridge b -> bridge.add(pod, b.bridge(), java.util.List.of());
        case ModeConfig.Overlay o -> overlay.add(pod, o.bridge(), o.overlay());
        case ModeConfig.Host h -> simple.hostAdd(pod);
        case ModeConfig.None n -> simple.noneAdd(pod);
      };
      log.info("ADD " + pod.attachment() + " (" + mode.name() + ") -> " + result.ips().size() + " addresses");
      return PrevResultChain.append(request.config(), result);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void del(CniRequest request) throws CniException {
    ModeConfig mode = PluginConfigParser.parse(request.config());
    PodRequest pod = PodRequest.of(request);
    Lock lock = lock(request, false);
    try {
      switch (mode) {
        case ModeConfig.Bridge b -> bridge.del(pod, b.bridge());
        case ModeConfig.Overlay o -> overlay.del(pod, o.bridge(), o.overlay());
        case ModeConfig.Host h -> { }
        case ModeConfig.None n -> simple.noneDel(pod);
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void check(CniRequest request) throws CniException {
    ModeConfig mode = PluginConfigParser.parse(request.config());
    PodRequest pod = PodRequest.of(request);
    switch (mode) {
      case ModeConfig.Bridge b -> bridge.check(pod, b.bridge());
      case ModeConfig.Overlay o -> overlay.check(pod, o.bridge(), o.overlay());
      case ModeConfig.Host h -> pod.requireNetns();
      case ModeConfig.None n -> simple.noneCheck(pod);
    }
  }

  @Override
  public void gc(CniRequest request) throws CniException {
    switch (PluginConfigParser.parse(request.config())) {
      case ModeConfig.Bridge b -> collect(request, request);
      case ModeConfig.Overlay o -> collect(request, OverlayMode.withIpam(request, o.overlay()));
      case ModeConfig.Host _, ModeConfig.None _ -> { } // they create nothing to collect
    }
  }

  private void collect(CniRequest request, CniRequest effective) throws CniException {
    Lock lock = lock(request, true);
    try {
      gc.collect(effective);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void status(CniRequest request) throws CniException {
    ModeConfig mode = PluginConfigParser.parse(request.config());
    try (Rtnetlink host = driver.rtnetlink(NetnsRef.home())) {
      host.links().list();
    } catch (DriverException e) {
      throw new CniException(ErrorCode.Standard.PLUGIN_NOT_AVAILABLE, "weft cannot use rtnetlink: " + e.getMessage());
    }
    switch (mode) {
      case ModeConfig.Bridge b -> ipamStatus(request);
      case ModeConfig.Overlay o -> {
        OverlayBackends.select(driver, o.overlay(), vteps).status();
        PeersFile.read(o.overlay().peersFile());
        ipamStatus(OverlayMode.withIpam(request, o.overlay()));
      }
      case ModeConfig.Host _, ModeConfig.None _ -> { }
    }
  }

  private void ipamStatus(CniRequest request) throws CniException {
    if (request.config().ipam().isEmpty()) {
      return;
    }
    try {
      ipam.status(request);
    } catch (CniException e) {
      ErrorCode code = e.code() == ErrorCode.Standard.LIMITED_CONNECTIVITY ? e.code()
          : ErrorCode.Standard.PLUGIN_NOT_AVAILABLE;
      throw new CniException(code, e.getMessage(), e.details());
    }
  }

  private Lock lock(CniRequest request, boolean exclusive) {
    return locks.acquire(request.config().name(), exclusive);
  }

  @Override
  public String about() {
    return "weft " + VERSION;
  }
}
