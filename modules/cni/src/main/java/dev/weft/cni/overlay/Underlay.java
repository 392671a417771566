package dev.weft.cni.overlay;

import dev.weft.cni.protocol.CniException;
import dev.weft.cni.protocol.ErrorCode;
import dev.weft.linux.LinuxDriver;
import dev.weft.linux.Rtnetlink;
import dev.weft.linux.addr.AddressEntry;
import dev.weft.linux.error.DriverException;
import dev.weft.linux.link.Link;
import dev.weft.linux.netns.NetnsRef;
import dev.weft.linux.route.RouteEntry;
import dev.weft.model.value.Cidr;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.IpFamily;
import java.util.Optional;

/**
 * The node's underlay: the interface toward the other nodes (configured, else the one of the IPv4
 * default route) and the node's address on it (configured, else its first IPv4 address).
 */
record Underlay(Link link, IpAddress address) {

  static Underlay resolve(Rtnetlink host, OverlayOptions options) throws CniException {
    Link link;
    if (options.underlay().isPresent()) {
      link = host.links().get(options.underlay().get()).orElseThrow(() -> notAvailable(
          "overlay.underlay: no interface " + options.underlay().get() + " on this node"));
    } else {
      int index = host.routes().list(IpFamily.IPV4, 254).stream()
          .filter(r -> r.destination().equals(Cidr.all(IpFamily.IPV4)))
          .map(RouteEntry::outputIndex).filter(i -> i.isPresent()).map(i -> i.getAsInt()).findFirst()
          .orElseThrow(() -> notAvailable("overlay: no IPv4 default route to find the underlay interface;"
              + " set overlay.underlay"));
      link = host.links().get(index).orElseThrow(() -> notAvailable("overlay: default route device vanished"));
    }
    Optional<IpAddress> address = options.localAddress().or(() -> host.addresses().list(link.name()).stream()
        .map(AddressEntry::address).filter(a -> a.address().isIpv4()).map(a -> a.address()).findFirst());
    return new Underlay(link, address.orElseThrow(() -> notAvailable(
        "overlay: " + link.name() + " has no IPv4 address; set overlay.localAddress")));
  }

  /** STATUS of a backend whose only need is the underlay: code 50 when it cannot be found. */
  static void check(LinuxDriver driver, OverlayOptions options) throws CniException {
    try (Rtnetlink host = driver.rtnetlink(NetnsRef.home())) {
      resolve(host, options);
    } catch (DriverException e) {
      throw notAvailable("overlay: " + e.getMessage());
    }
  }

  private static CniException notAvailable(String message) {
    return new CniException(ErrorCode.Standard.PLUGIN_NOT_AVAILABLE, message);
  }
}
