package dev.weft.cni.bridge;

import dev.weft.cni.ipam.IpamClient;
import dev.weft.cni.nft.PodRules;
import dev.weft.cni.plugin.PodRequest;
import dev.weft.cni.plugin.WeftCodes;
import dev.weft.cni.protocol.CniException;
import dev.weft.cni.protocol.CniLog;
import dev.weft.cni.protocol.result.CniResult;
import dev.weft.cni.protocol.result.InterfaceInfo;
import dev.weft.cni.protocol.result.IpConfig;
import dev.weft.cni.protocol.result.RouteEntry;
import dev.weft.linux.LinuxDriver;
import dev.weft.linux.Rtnetlink;
import dev.weft.linux.error.DriverException;
import dev.weft.linux.error.NetfilterApplyException;
import dev.weft.linux.link.Link;
import dev.weft.linux.link.LinkOptions;
import dev.weft.linux.link.LinkSpec;
import dev.weft.linux.link.VethPeer;
import dev.weft.linux.netns.NetnsRef;
import dev.weft.linux.tx.Transaction;
import dev.weft.model.value.Cidr;
import dev.weft.model.value.InterfaceAddress;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.IpAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Bridge mode: ADD allocates addresses, ensures the bridge, creates the veth pair (host end named by
 * {@link HostVethName}, container end created directly in the pod's namespace), configures the pod,
 * and installs the pod's nft elements. Anything ADD made is undone if a later step fails: the veth
 * through the driver's transaction, the addresses by an IPAM DEL, the rules by their removal.
 * DEL needs nothing but the config and the attachment: the veth name is derived, the addresses come
 * from the IPAM store (and prevResult), and the rules are keyed by them, so a DEL after the netns is
 * gone still cleans up everything (unlike plugins#810 and cni#1167).
 */
public final class BridgeMode {
  private final LinuxDriver driver;
  private final IpamClient ipam;
  private final PodRules rules;
  private final HostBridge hostBridge;
  private final CniLog log;

  public BridgeMode(LinuxDriver driver, IpamClient ipam, PodRules rules, CniLog log) {
    this.driver = driver;
    this.ipam = ipam;
    this.rules = rules;
    this.hostBridge = new HostBridge(driver);
    this.log = log;
  }

  /** ADD; {@code excluded} are the extra destinations that are not masqueraded (an overlay's cluster). */
  public CniResult add(PodRequest pod, BridgeOptions options, List<Cidr> excluded) throws CniException {
    NetnsRef podNs = pod.requireNetns();
    requireFreeName(pod, podNs);
    CniResult allocated = ipam.add(pod.cni());
    boolean rulesInstalled = false;
    try (Transaction tx = driver.begin("ADD " + pod.attachment())) {
      Rtnetlink host = tx.in(NetnsRef.home());
      Link bridge = hostBridge.ensure(host, options);
      List<IpConfig> ips = gatewayed(allocated, options, host);
      InterfaceName hostVeth = HostVethName.of(pod.network(), pod.attachment());
      Link hostLink = createVeth(tx, pod, podNs, options, hostVeth);
      if (options.hairpinMode()) {
        HostBridge.setHairpin(hostVeth);
      }
      Rtnetlink podRt = tx.in(podNs);
      List<RouteEntry> routes = PodInterface.routes(allocated, options);
      PodInterface.configure(podRt, pod.ifName(), ips, routes, options.enableDad());
      Link podLink = podRt.links().get(pod.ifName()).orElseThrow();
      rulesInstalled = true;
      rules.install(new PodRules.Install(pod.network(), pod.attachment(),
          options.ipMasq() ? addresses(ips) : List.of(), masqueradeExclusions(ips, excluded),
          options.macSpoofCheck() ? Optional.of(new PodRules.GuardedPort(hostVeth, podLink.mac().orElseThrow()))
              : Optional.empty()));
      tx.commit();
      return result(pod, podNs, bridge, hostLink, podLink, ips, routes, allocated);
    } catch (CniException e) {
      undoAdd(pod, options, allocated, rulesInstalled, e);
      throw e;
    } catch (DriverException e) {
      undoAdd(pod, options, allocated, rulesInstalled, e);
      throw kernelError(e);
    } catch (RuntimeException e) {
      undoAdd(pod, options, allocated, rulesInstalled, e);
      throw e;
    }
  }

  /**
   * DEL: every step runs even when an earlier one failed, and each tolerates what is already gone; the
   * first failure is reported after all ran, with the others in the details.
   */
  public void del(PodRequest pod, BridgeOptions options) throws CniException {
    List<String> failures = new ArrayList<>();
    Set<IpAddress> ips = new LinkedHashSet<>();
    boolean hasIpam = pod.cni().config().ipam().isPresent();
    try {
      if (hasIpam) {
        ips.addAll(ipam.held(pod.cni()));
      }
    } catch (CniException | RuntimeException e) {
      failures.add("read IPAM store: " + e.getMessage());
    }
    ips.addAll(PrevResults.podAddresses(pod.cni().config(), pod.ifName()));
    InterfaceName hostVeth = HostVethName.of(pod.network(), pod.attachment());
    // deleting our host end takes the pod's end with it, without entering the pod's namespace; only
    // when it is gone is the pod's interface looked for there
    boolean pairDeleted = false;
    try (Rtnetlink host = driver.rtnetlink(NetnsRef.home())) {
      pairDeleted = host.links().deleteIfExists(hostVeth);
    } catch (DriverException e) {
      failures.add(e.getMessage());
    }
    if (!pairDeleted && pod.netns().isPresent()) {
      try (Rtnetlink podRt = driver.rtnetlink(pod.netns().get())) {
        podRt.links().deleteIfExists(pod.ifName());
      } catch (DriverException e) {
        log.info("DEL " + pod.attachment() + ": namespace not usable (" + e.getMessage() + "); cleaned the host side");
      }
    }
    try {
      rules.remove(options.ipMasq() ? List.copyOf(ips) : List.of(),
          options.macSpoofCheck() ? List.of(hostVeth) : List.of());
    } catch (RuntimeException e) {
      failures.add("remove rules: " + e.getMessage());
    }
    try {
      if (hasIpam) {
        ipam.del(pod.cni());
      }
    } catch (CniException e) {
      failures.add("IPAM DEL: " + e.getMessage());
    }
    if (!failures.isEmpty()) {
      throw new CniException(dev.weft.cni.protocol.ErrorCode.Standard.IO_FAILURE, "DEL " + pod.attachment()
          + " could not finish: " + failures.getFirst(), String.join("; ", failures));
    }
    log.info("DEL " + pod.attachment() + " released " + ips + " and removed " + hostVeth);
  }

  /** CHECK: the pod interface with prevResult's addresses, the host veth on the bridge, and IPAM. */
  public void check(PodRequest pod, BridgeOptions options) throws CniException {
    NetnsRef podNs = pod.requireNetns();
    InterfaceName hostVeth = HostVethName.of(pod.network(), pod.attachment());
    try (Rtnetlink podRt = driver.rtnetlink(podNs); Rtnetlink host = driver.rtnetlink(NetnsRef.home())) {
      if (podRt.links().get(pod.ifName()).isEmpty()) {
        throw checkFailed(pod.ifName() + " is missing from " + podNs.describe());
      }
      Set<InterfaceAddress> have = new LinkedHashSet<>();
      podRt.addresses().list(pod.ifName()).forEach(a -> have.add(a.address()));
      for (IpAddress want : PrevResults.podAddresses(pod.cni().config(), pod.ifName())) {
        if (have.stream().noneMatch(a -> a.address().equals(want))) {
          throw checkFailed(pod.ifName() + " lacks " + want + " (it has " + have + ")");
        }
      }
      Link veth = host.links().get(hostVeth).orElseThrow(() -> checkFailed("host veth " + hostVeth + " is missing"));
      int bridgeIndex = host.links().indexOf(options.bridge());
      if (veth.master().isEmpty() || veth.master().getAsInt() != bridgeIndex) {
        throw checkFailed("host veth " + hostVeth + " is not a port of " + options.bridge());
      }
    } catch (DriverException e) {
      throw checkFailed(e.getMessage());
    }
    ipam.check(pod.cni());
  }

  private static CniException checkFailed(String what) {
    return new CniException(dev.weft.cni.protocol.ErrorCode.PluginCode.CHECK_FAILED, "CHECK: " + what);
  }

  private void requireFreeName(PodRequest pod, NetnsRef podNs) throws CniException {
    try (Rtnetlink podRt = driver.rtnetlink(podNs)) {
      if (podRt.links().get(pod.ifName()).isPresent()) {
        throw new CniException(WeftCodes.INTERFACE_EXISTS, "CNI_IFNAME " + pod.ifName()
            + " already exists in " + podNs.describe());
      }
    } catch (DriverException e) {
      throw new CniException(WeftCodes.NETNS_NOT_FOUND, "CNI_NETNS: cannot use " + podNs.describe() + ": "
          + e.getMessage());
    }
  }

  private Link createVeth(Transaction tx, PodRequest pod, NetnsRef podNs, BridgeOptions options,
      InterfaceName hostVeth) {
    LinkOptions hostSide = LinkOptions.DEFAULTS.withMaster(options.bridge()).withUp(true);
    VethPeer peer = VethPeer.named(pod.ifName()).in(podNs).withUp(true);
    if (options.mtu().isPresent()) {
      hostSide = hostSide.withMtu(options.mtu().get());
      peer = peer.withMtu(options.mtu().get());
    }
    if (pod.mac().isPresent()) {
      peer = peer.withMac(pod.mac().get());
    }
    return tx.createLink(NetnsRef.home(), new LinkSpec.Veth(hostVeth, peer, hostSide));
  }

  /** The IPAM addresses with the pod's interface index; the gateway goes on the bridge when asked. */
  private List<IpConfig> gatewayed(CniResult allocated, BridgeOptions options, Rtnetlink host) throws CniException {
    List<IpConfig> ips = new ArrayList<>();
    for (IpConfig ip : allocated.ips()) {
      Optional<IpAddress> gw = ip.gateway();
      if (options.isGateway()) {
        if (gw.isEmpty()) {
          gw = ip.address().subnet().network().plus(1);
        }
        hostBridge.ensureGateway(host, options, new InterfaceAddress(gw.orElseThrow(), ip.address().prefixLength()));
        hostBridge.enableForwarding(ip.address().family());
      }
      ips.add(new IpConfig(ip.address(), gw, OptionalInt.of(2)));
    }
    return ips;
  }

  private static List<IpAddress> addresses(List<IpConfig> ips) {
    return ips.stream().map(i -> i.address().address()).toList();
  }

  private static List<Cidr> masqueradeExclusions(List<IpConfig> ips, List<Cidr> extra) {
    Set<Cidr> out = new LinkedHashSet<>();
    ips.forEach(i -> out.add(i.address().subnet()));
    out.addAll(extra);
    return List.copyOf(out);
  }

  private void undoAdd(PodRequest pod, BridgeOptions options, CniResult allocated, boolean rulesInstalled,
      Exception cause) {
    try {
      if (rulesInstalled) {
        rules.remove(options.ipMasq() ? addresses(allocated.ips()) : List.of(),
            options.macSpoofCheck() ? List.of(HostVethName.of(pod.network(), pod.attachment())) : List.of());
      }
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
    }
    try {
      ipam.del(pod.cni());
    } catch (CniException | RuntimeException e) {
      cause.addSuppressed(e);
    }
    log.warn("ADD " + pod.attachment() + " failed and was rolled back: " + cause.getMessage());
  }

  private static CniResult result(PodRequest pod, NetnsRef podNs, Link bridge, Link hostLink, Link podLink,
      List<IpConfig> ips, List<RouteEntry> routes, CniResult allocated) {
    String sandbox = pod.cni().env().netns().map(Object::toString).orElse(podNs.describe());
    List<InterfaceInfo> interfaces = List.of(
        InterfaceInfo.of(bridge.name().value(), bridge.mac(), Optional.empty()),
        InterfaceInfo.of(hostLink.name().value(), hostLink.mac(), Optional.empty()),
        new InterfaceInfo(podLink.name().value(), podLink.mac(), OptionalInt.of(podLink.mtu()), Optional.of(sandbox),
            Optional.empty(), Optional.empty()));
    return new CniResult(interfaces, ips, routes, allocated.dns());
  }

  /** A refused rule set is 114, as the README documents; any other refusal by the kernel is 112. */
  static CniException kernelError(DriverException e) {
    return new CniException(e instanceof NetfilterApplyException ? WeftCodes.RULES_FAILED : WeftCodes.KERNEL_REFUSED,
        e.getMessage());
  }
}
