package dev.weft.cni.plugin;

import dev.weft.cni.protocol.CniException;
import dev.weft.cni.protocol.ErrorCode;
import dev.weft.cni.protocol.result.CniResult;
import dev.weft.cni.protocol.result.Dns;
import dev.weft.cni.protocol.result.InterfaceInfo;
import dev.weft.cni.protocol.result.IpConfig;
import dev.weft.linux.LinuxDriver;
import dev.weft.linux.Rtnetlink;
import dev.weft.linux.addr.AddressEntry;
import dev.weft.linux.error.DriverException;
import dev.weft.linux.link.Link;
import dev.weft.linux.netns.NetnsRef;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.Mac;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The two modes that create nothing on the node. host: the pod uses the node's namespace, so ADD only
 * reports the node's global addresses and their interfaces (no sandbox). none: the pod gets its
 * loopback up and nothing else, as the reference loopback plugin does; DEL takes it down again when
 * the namespace still exists.
 */
final class SimpleModes {
  private static final InterfaceName LO = InterfaceName.of("lo");
  private static final int SCOPE_UNIVERSE = 0;
  private static final int SCOPE_HOST = 254;

  private final LinuxDriver driver;

  SimpleModes(LinuxDriver driver) {
    this.driver = driver;
  }

  CniResult hostAdd(PodRequest pod) throws CniException {
    pod.requireNetns();
    try (Rtnetlink host = driver.rtnetlink(NetnsRef.home())) {
      return addressesOf(host, SCOPE_UNIVERSE, Optional.empty());
    } catch (DriverException e) {
      throw new CniException(WeftCodes.KERNEL_REFUSED, e.getMessage());
    }
  }

  CniResult noneAdd(PodRequest pod) throws CniException {
    NetnsRef ns = pod.requireNetns();
    try (Rtnetlink rt = driver.rtnetlink(ns)) {
      rt.links().setUp(LO);
      String sandbox = pod.cni().env().netns().map(Object::toString).orElse("");
      return addressesOf(rt, SCOPE_HOST, Optional.of(sandbox));
    } catch (DriverException e) {
      throw new CniException(WeftCodes.KERNEL_REFUSED, e.getMessage());
    }
  }

  void noneDel(PodRequest pod) {
    pod.netns().ifPresent(ns -> {
      try (Rtnetlink rt = driver.rtnetlink(ns)) {
        rt.links().setDown(LO);
      } catch (DriverException gone) {
        // the namespace is going away: nothing to undo
      }
    });
  }

  void noneCheck(PodRequest pod) throws CniException {
    try (Rtnetlink rt = driver.rtnetlink(pod.requireNetns())) {
      if (!rt.links().get(LO).map(Link::up).orElse(false)) {
        throw new CniException(ErrorCode.PluginCode.CHECK_FAILED, "CHECK: lo is not up in " + pod.requireNetns().describe());
      }
    } catch (DriverException e) {
      throw new CniException(ErrorCode.PluginCode.CHECK_FAILED, "CHECK: " + e.getMessage());
    }
  }

  /** The links with addresses of {@code scope}, and those addresses. */
  private static CniResult addressesOf(Rtnetlink rt, int scope, Optional<String> sandbox) {
    List<InterfaceInfo> interfaces = new ArrayList<>();
    List<IpConfig> ips = new ArrayList<>();
    for (Link link : rt.links().list()) {
      List<AddressEntry> addresses = rt.addresses().list().stream()
          .filter(a -> a.index() == link.index() && a.scope() == scope).toList();
      if (addresses.isEmpty()) {
        continue;
      }
      int index = interfaces.size();
      Optional<Mac> mac = link.mac().or(() -> scope == SCOPE_HOST ? Optional.of(Mac.ZERO) : Optional.empty());
      interfaces.add(new InterfaceInfo(link.name().value(), mac, OptionalInt.of(link.mtu()), sandbox,
          Optional.empty(), Optional.empty()));
      addresses.forEach(a -> ips.add(new IpConfig(a.address(), Optional.empty(), OptionalInt.of(index))));
    }
    return new CniResult(interfaces, ips, List.of(), Dns.EMPTY);
  }
}
