package dev.weft.sim.fabric;

import dev.weft.model.InterfaceRef;
import dev.weft.model.NetworkModel;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Name;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A model compiled for simulation, once: device specs, the wire at every interface, and the indexes the
 * simulator needs to hand tunnel traffic from a stack to the right device. Immutable.
 */
public final class Fabric {
  /**
   * How many tunnels a packet may be nested in (Linux's XMIT_RECURSION_LIMIT): a tunnel whose underlay
   * route leads back into a tunnel would otherwise nest without end. The byte-level run and the
   * reachability fast path both stop there.
   */
  public static final int MAX_NESTED_TUNNELS = 8;

  /** Which VXLAN device takes datagrams for a VNI on a port of a namespace's stack. */
  public record VxlanSocket(Name namespace, int port, int vni) {}

  /** Which GRE device takes protocol 47 between two addresses with a key. */
  public record GreSocket(Name namespace, IpAddress local, IpAddress remote, Optional<Long> key) {}

  private final NetworkModel model;
  private final Map<DeviceId, DeviceSpec> devices;
  private final Map<InterfaceRef, Wire> wires;
  private final Map<Name, DeviceId> stacks;
  private final Map<VxlanSocket, DeviceId> vxlanSockets;
  private final Map<GreSocket, DeviceId> greSockets;
  private final Set<InterfaceRef> bareIpPorts;
  private final Map<Name, IpAddress> primaryAddresses;
  private final Map<IpAddress, Name> ownerStacks;

  Fabric(NetworkModel model, Map<DeviceId, DeviceSpec> devices, Map<InterfaceRef, Wire> wires, Map<Name, DeviceId> stacks,
      Map<VxlanSocket, DeviceId> vxlanSockets, Map<GreSocket, DeviceId> greSockets, Set<InterfaceRef> bareIpPorts,
      Map<Name, IpAddress> primaryAddresses, Map<IpAddress, Name> ownerStacks) {
    this.model = model;
    this.devices = devices;
    this.wires = wires;
    this.stacks = stacks;
    this.vxlanSockets = vxlanSockets;
    this.greSockets = greSockets;
    this.bareIpPorts = bareIpPorts;
    this.primaryAddresses = primaryAddresses;
    this.ownerStacks = ownerStacks;
  }

  /** The address a namespace is reached at when named as a destination (see {@code Addressing}). */
  public Optional<IpAddress> primaryAddress(Name namespace) {
    return Optional.ofNullable(primaryAddresses.get(namespace));
  }

  /** The namespace whose stack holds a (non-loopback) address. */
  public Optional<Name> ownerStack(IpAddress address) {
    return Optional.ofNullable(ownerStacks.get(address));
  }

  /** Whether frames on this port are bare IP packets (an L3 GRE device) rather than Ethernet frames. */
  public boolean bareIp(InterfaceRef port) {
    return bareIpPorts.contains(port);
  }

  public static Fabric of(NetworkModel model) {
    return FabricCompiler.compile(model);
  }

  public NetworkModel model() {
    return model;
  }

  public DeviceSpec device(DeviceId id) {
    DeviceSpec d = devices.get(id);
    if (d == null) {
      throw new IllegalArgumentException("no device " + id);
    }
    return d;
  }

  public Collection<DeviceSpec> devices() {
    return devices.values();
  }

  public int deviceCount() {
    return devices.size();
  }

  public Optional<Wire> wire(InterfaceRef port) {
    return Optional.ofNullable(wires.get(port));
  }

  /** The stack that serves a namespace (its host's for a host-mode container). */
  public Optional<DeviceId> stackOf(Name namespace) {
    return Optional.ofNullable(stacks.get(namespace));
  }

  public DeviceSpec.Stack stack(Name namespace) {
    return (DeviceSpec.Stack) device(stackOf(namespace).orElseThrow(() -> new IllegalArgumentException("unknown namespace " + namespace)));
  }

  public Optional<DeviceId> vxlanSocket(VxlanSocket key) {
    return Optional.ofNullable(vxlanSockets.get(key));
  }

  public Optional<DeviceId> greSocket(GreSocket key) {
    return Optional.ofNullable(greSockets.get(key));
  }

  /** Every GRE socket of a namespace, for matching received packets by address and key. */
  public List<Map.Entry<GreSocket, DeviceId>> greSockets(Name namespace) {
    return greSockets.entrySet().stream().filter(e -> e.getKey().namespace().equals(namespace)).toList();
  }
}
