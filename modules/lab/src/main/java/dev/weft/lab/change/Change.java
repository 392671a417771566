package dev.weft.lab.change;

import dev.weft.lab.kernel.AddressState;
import dev.weft.lab.kernel.FdbState;
import dev.weft.lab.kernel.LinkKind;
import dev.weft.lab.kernel.LinkState;
import dev.weft.lab.kernel.NeighbourState;
import dev.weft.lab.kernel.RouteState;
import dev.weft.lab.plan.LabRole;
import dev.weft.linux.netns.NetnsName;
import dev.weft.linux.sysctl.SysctlKey;
import dev.weft.model.netfilter.Ruleset;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.Mac;
import dev.weft.model.value.Mtu;
import java.util.Optional;

/** One change to a lab's kernel state, in words for {@code weft deploy}'s output. */
public sealed interface Change {
  NetnsName namespace();

  /** What the change does, without the namespace. */
  String action();

  default String describe() {
    return namespace() + ": " + action();
  }

  record CreateNamespace(NetnsName namespace, LabRole role) implements Change {
    public String action() {
      return "create namespace (" + role.keyword() + ")";
    }
  }

  record DeleteNamespace(NetnsName namespace) implements Change {
    public String action() {
      return "delete namespace (no longer in the topology)";
    }
  }

  record WriteSysctl(NetnsName namespace, SysctlKey key, Optional<String> from, String to) implements Change {
    public String action() {
      return "sysctl " + key + " = " + to + from.map(f -> " (was " + f + ")").orElse("");
    }
  }

  /** Creates {@code link}; a veth's far end ({@code peer}, in {@code peerNamespace}) is created with it. */
  record CreateLink(NetnsName namespace, LinkState link, Optional<PeerEnd> peer) implements Change {
    public String action() {
      StringBuilder sb = new StringBuilder("create ").append(link.kind().keyword()).append(' ').append(link.name());
      peer.ifPresent(p -> sb.append(" peer ").append(p.namespace()).append(':').append(p.link().name()));
      link.master().ifPresent(m -> sb.append(" master ").append(m));
      return sb.append(" mtu ").append(link.mtu()).toString();
    }
  }

  /** The far end of a veth being created. */
  record PeerEnd(NetnsName namespace, LinkState link) {}

  record DeleteLink(NetnsName namespace, InterfaceName name, LinkKind kind, String why) implements Change {
    public String action() {
      return "delete " + kind.keyword() + " " + name + " (" + why + ")";
    }
  }

  record SetMtu(NetnsName namespace, InterfaceName name, Mtu from, Mtu to) implements Change {
    public String action() {
      return "set " + name + " mtu " + to + " (was " + from + ")";
    }
  }

  record SetMac(NetnsName namespace, InterfaceName name, Optional<Mac> from, Mac to) implements Change {
    public String action() {
      return "set " + name + " address " + to + from.map(f -> " (was " + f + ")").orElse("");
    }
  }

  record SetMaster(NetnsName namespace, InterfaceName name, Optional<InterfaceName> to) implements Change {
    public String action() {
      return "set " + name + to.map(m -> " master " + m).orElse(" nomaster");
    }
  }

  record SetUp(NetnsName namespace, InterfaceName name, boolean up) implements Change {
    public String action() {
      return "set " + name + (up ? " up" : " down");
    }
  }

  record AddAddress(NetnsName namespace, AddressState address) implements Change {
    public String action() {
      return "add address " + address;
    }
  }

  record DeleteAddress(NetnsName namespace, AddressState address) implements Change {
    public String action() {
      return "delete address " + address;
    }
  }

  record AddRoute(NetnsName namespace, RouteState route) implements Change {
    public String action() {
      return "add route " + route;
    }
  }

  record DeleteRoute(NetnsName namespace, RouteState route) implements Change {
    public String action() {
      return "delete route " + route;
    }
  }

  record AddNeighbour(NetnsName namespace, NeighbourState neighbour) implements Change {
    public String action() {
      return "add neighbour " + neighbour;
    }
  }

  record DeleteNeighbour(NetnsName namespace, NeighbourState neighbour) implements Change {
    public String action() {
      return "delete neighbour " + neighbour;
    }
  }

  record AddFdb(NetnsName namespace, FdbState entry) implements Change {
    public String action() {
      return "add fdb " + entry;
    }
  }

  record DeleteFdb(NetnsName namespace, FdbState entry) implements Change {
    public String action() {
      return "delete fdb " + entry;
    }
  }

  /** Replaces weft's chains with {@code desired} (the kernel view) in one iptables-restore. */
  record ApplyRules(NetnsName namespace, Ruleset desired, Ruleset observed) implements Change {
    public String action() {
      long rules = desired.tables().values().stream().flatMap(t -> t.chains().values().stream())
          .filter(c -> !c.isBuiltin()).mapToLong(c -> c.rules().size()).sum();
      return "apply iptables rules (" + rules + " rules in weft's chains)";
    }
  }
}
