package dev.weft.lab.probe;

import dev.weft.lab.plan.KernelNames;
import dev.weft.linux.netns.NetnsName;
import dev.weft.model.Namespace;
import dev.weft.model.NetworkModel;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Name;
import dev.weft.sim.fabric.Addressing;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each model namespace lives on the kernel (its stack's namespace: a host-mode container's is its
 * host's) and the address probes send to, which is the one the simulator's reach sends to.
 */
final class ProbeTargets {
  private final Map<Name, NetnsName> stacks = new LinkedHashMap<>();
  private final Map<Name, Optional<IpAddress>> addresses = new LinkedHashMap<>();

  ProbeTargets(NetworkModel model, KernelNames names) {
    for (Namespace ns : model.namespaces()) {
      stacks.put(ns.name(), names.stack(model.stackOf(ns).name()));
      addresses.put(ns.name(), Addressing.primaryAddress(model, ns.name()));
    }
  }

  NetnsName stack(Name namespace) {
    return stacks.get(namespace);
  }

  Optional<IpAddress> address(Name namespace) {
    return addresses.get(namespace);
  }

  /** Every kernel stack, once. */
  List<NetnsName> allStacks() {
    return stacks.values().stream().distinct().toList();
  }

  /** Each stack with the addresses probes target in it (for the UDP servers, which bind per address). */
  Map<NetnsName, List<InetAddress>> targetsByStack() {
    Map<NetnsName, List<InetAddress>> out = new LinkedHashMap<>();
    allStacks().forEach(s -> out.put(s, new ArrayList<>()));
    addresses.forEach((ns, a) -> a.ifPresent(ip -> {
      List<InetAddress> list = out.get(stacks.get(ns));
      if (!list.contains(ip.toInetAddress())) {
        list.add(ip.toInetAddress());
      }
    }));
    return out;
  }
}
