package dev.weft.cni.bridge;

import dev.weft.cni.protocol.CniException;
import dev.weft.cni.plugin.WeftCodes;
import dev.weft.linux.LinuxDriver;
import dev.weft.linux.Rtnetlink;
import dev.weft.linux.addr.AddressEntry;
import dev.weft.linux.error.AlreadyExistsException;
import dev.weft.linux.link.Link;
import dev.weft.linux.link.LinkOptions;
import dev.weft.linux.link.LinkSpec;
import dev.weft.linux.netns.NetnsRef;
import dev.weft.linux.sysctl.SysctlKey;
import dev.weft.model.value.InterfaceAddress;
import dev.weft.model.value.IpFamily;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The node side of bridge mode, shared by every pod of a network: the bridge (created on demand, never
 * deleted by DEL, as in the reference plugin), its gateway addresses, and IP forwarding. Safe under
 * parallel ADDs: a bridge or address that another ADD created in between is taken as it is.
 */
public final class HostBridge {
  private static final int IFF_PROMISC = 0x100;
  private final LinuxDriver driver;

  public HostBridge(LinuxDriver driver) {
    this.driver = driver;
  }

  /** Creates the bridge when absent and brings it up; returns it as the kernel reports it. */
  public Link ensure(Rtnetlink host, BridgeOptions options) throws CniException {
    Optional<Link> existing = host.links().get(options.bridge());
    Link bridge;
    if (existing.isPresent()) {
      bridge = existing.get();
      if (!bridge.isKind("bridge")) {
        throw new CniException(WeftCodes.KERNEL_REFUSED, "bridge: " + options.bridge() + " exists but is a "
            + bridge.kind().orElse("device without a kind") + ", not a bridge");
      }
    } else {
      LinkOptions link = LinkOptions.DEFAULTS.withUp(true);
      if (options.mtu().isPresent()) {
        link = link.withMtu(options.mtu().get());
      }
      try {
        bridge = host.links().create(new LinkSpec.Bridge(options.bridge(), link));
      } catch (AlreadyExistsException raced) {
        bridge = host.links().get(options.bridge()).orElseThrow(() -> raced);
      }
    }
    boolean wasDown = !bridge.up();
    if (wasDown) {
      host.links().setUp(options.bridge());
    }
    if (options.promiscMode()) {
      setPromisc(options);
    }
    // asked again only after a change: a pod's ADD on a running node costs one RTM_GETLINK here, not two
    return wasDown || options.promiscMode() ? host.links().get(options.bridge()).orElse(bridge) : bridge;
  }

  /**
   * Puts the gateway address on the bridge. As in the reference plugin, another IPv4 address (or an
   * overlapping IPv6 one) on the bridge is an error unless {@code forceAddress}, which replaces it.
   */
  public void ensureGateway(Rtnetlink host, BridgeOptions options, InterfaceAddress gateway) throws CniException {
    for (AddressEntry a : host.addresses().list(options.bridge())) {
      InterfaceAddress have = a.address();
      if (have.equals(gateway)) {
        return;
      }
      if (have.family() != gateway.family()) {
        continue;
      }
      boolean conflicts = gateway.family() == IpFamily.IPV4 || have.subnet().contains(gateway.address())
          || gateway.subnet().contains(have.address());
      if (conflicts) {
        if (!options.forceAddress()) {
          throw new CniException(WeftCodes.KERNEL_REFUSED, "bridge: " + options.bridge()
              + " already has an IP address " + have + " different from " + gateway + " (set forceAddress to replace it)");
        }
        host.addresses().deleteIfExists(options.bridge(), have);
      }
    }
    try {
      host.addresses().add(options.bridge(), gateway, true);
    } catch (AlreadyExistsException raced) {
      // another ADD put it there first
    }
  }

  /** IP forwarding on the node, which a gateway needs; written only when it is off. */
  public void enableForwarding(IpFamily family) {
    SysctlKey key = SysctlKey.parse(family == IpFamily.IPV4 ? "net.ipv4.ip_forward" : "net.ipv6.conf.all.forwarding");
    if (!"1".equals(driver.sysctls().read(NetnsRef.home(), key))) {
      driver.sysctls().allowingHome().write(NetnsRef.home(), key, "1");
    }
  }

  /** Through sysfs: the driver's netlink API has no flag setter beyond up/down. */
  private static void setPromisc(BridgeOptions options) throws CniException {
    Path flags = Path.of("/sys/class/net", options.bridge().value(), "flags");
    try {
      int value = Integer.decode(Files.readString(flags).strip());
      if ((value & IFF_PROMISC) == 0) {
        Files.writeString(flags, "0x" + Integer.toHexString(value | IFF_PROMISC));
      }
    } catch (IOException | NumberFormatException e) {
      throw new CniException(WeftCodes.KERNEL_REFUSED, "promiscMode: cannot set " + options.bridge()
          + " promiscuous through " + flags + ": " + e.getMessage());
    }
  }

  /** Hairpin on the bridge port, so a pod can reach itself through a service address. */
  public static void setHairpin(dev.weft.model.value.InterfaceName port) throws CniException {
    Path file = Path.of("/sys/class/net", port.value(), "brport", "hairpin_mode");
    try {
      Files.writeString(file, "1");
    } catch (IOException e) {
      throw new CniException(WeftCodes.KERNEL_REFUSED, "hairpinMode: cannot write " + file + ": " + e.getMessage());
    }
  }
}
