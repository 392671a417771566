package dev.weft.netfilter.eval;

import dev.weft.model.Interface;
import dev.weft.model.NetworkModel;
import dev.weft.model.netfilter.AddressType;
import dev.weft.model.value.InterfaceAddress;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Name;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a namespace's stack knows about addresses, for {@code -m addrtype} and MASQUERADE: its interfaces
 * and their IPv4 addresses. Address types follow the kernel's local table: 0.0.0.0/8 and
 * 255.255.255.255 are BROADCAST, 224.0.0.0/4 MULTICAST, 127.0.0.0/8 and the interface addresses LOCAL,
 * each interface subnet's last address (for prefixes below /31) BROADCAST, everything else UNICAST.
 */
public final class HostFacts {
  private final Map<String, List<InterfaceAddress>> interfaces;
  private final Set<IpAddress> local = new HashSet<>();
  private final Set<IpAddress> broadcast = new HashSet<>();

  private HostFacts(Map<String, List<InterfaceAddress>> interfaces) {
    this.interfaces = Map.copyOf(interfaces);
    interfaces.values().forEach(list -> list.stream().filter(a -> a.address().isIpv4()).forEach(a -> {
      local.add(a.address());
      if (a.prefixLength() < 31) {
        broadcast.add(a.subnet().last());
      }
    }));
  }

  /** A stack with these interfaces (name to addresses, in order: the first IPv4 one is primary). */
  public static HostFacts of(Map<String, List<InterfaceAddress>> interfaces) {
    return new HostFacts(interfaces);
  }

  /** A stack that knows only these local addresses (on an unnamed interface); for tools without a model. */
  public static HostFacts withLocalAddresses(Set<IpAddress> addresses) {
    return new HostFacts(Map.of("", addresses.stream().map(a -> new InterfaceAddress(a, 32)).toList()));
  }

  /** The facts of the stack that serves {@code namespace} in the model (its host's root for host-mode pods). */
  public static HostFacts fromModel(NetworkModel model, Name namespace) {
    Name stack = model.namespace(namespace).map(model::stackOf).map(ns -> ns.name()).orElse(namespace);
    Map<String, List<InterfaceAddress>> out = new LinkedHashMap<>();
    for (Interface i : model.interfaces(stack)) {
      if (i.up()) {
        out.put(i.ref().name().value(), i.addresses());
      }
    }
    return new HostFacts(out);
  }

  /** Bit i set when the address has {@code AddressType.values()[i]}. */
  public int typeBits(IpAddress a) {
    int v = a.ipv4Value();
    int top = v >>> 24;
    if (top == 0 || v == -1 || broadcast.contains(a)) {
      return bit(AddressType.BROADCAST);
    }
    if ((top & 0xf0) == 0xe0) {
      return bit(AddressType.MULTICAST);
    }
    if (top == 127 || local.contains(a)) {
      return bit(AddressType.LOCAL);
    }
    return bit(AddressType.UNICAST);
  }

  public boolean isLocal(IpAddress a) {
    return (typeBits(a) & bit(AddressType.LOCAL)) != 0;
  }

  /** The address MASQUERADE picks on {@code iface}: its first IPv4 address. */
  public Optional<IpAddress> primaryAddress(String iface) {
    return interfaces.getOrDefault(iface, List.of()).stream().map(InterfaceAddress::address)
        .filter(IpAddress::isIpv4).findFirst();
  }

  public Map<String, List<InterfaceAddress>> interfaces() {
    return interfaces;
  }

  static int bit(AddressType t) {
    return 1 << t.ordinal();
  }

  static int bits(Set<AddressType> types) {
    int b = 0;
    for (AddressType t : types) {
      b |= bit(t);
    }
    return b;
  }

  @Override
  public String toString() {
    return "HostFacts" + new java.util.TreeMap<>(interfaces);
  }
}
