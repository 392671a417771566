package dev.weft.cli.view;

import dev.weft.model.Interface;
import dev.weft.model.InterfaceKind;
import dev.weft.model.NetworkModel;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** One line of facts about an interface's links: peer, master, ports, tunnel settings, segment. */
final class InterfaceDetails {
  private InterfaceDetails() {}

  static String describe(NetworkModel model, Interface i) {
    List<String> parts = new ArrayList<>();
    switch (i.kind()) {
      case InterfaceKind.Veth v -> {
        model.peer(i.ref()).ifPresent(p -> parts.add("peer " + p.ref()));
        if (v.hairpin()) {
          parts.add("hairpin");
        }
      }
      case InterfaceKind.Bridge b -> {
        String ports = model.ports(i.ref()).stream().map(p -> p.ref().name().value()).collect(Collectors.joining(","));
        parts.add("ports " + (ports.isEmpty() ? "-" : ports));
        if (b.ipMasq()) {
          parts.add("ipMasq");
        }
      }
      case InterfaceKind.Vxlan x -> {
        parts.add("vni " + x.vni() + " port " + x.port() + " local " + x.local() + (x.learning() ? " learning" : ""));
        String flood = x.fdb().stream().filter(InterfaceKind.FdbEntry::isFlood).map(e -> e.remote().toString())
            .collect(Collectors.joining(","));
        if (!flood.isEmpty()) {
          parts.add("flood " + flood);
        }
        long specific = x.fdb().stream().filter(e -> !e.isFlood()).count();
        if (specific > 0) {
          parts.add(specific + " static fdb");
        }
      }
      case InterfaceKind.Gre g -> parts.add((g.ethernet() ? "gretap " : "gre ") + g.local() + " -> " + g.remote()
          + g.key().map(k -> " key " + k).orElse(""));
      case InterfaceKind.Physical p -> model.segmentOf(i.ref()).ifPresent(s -> parts.add("segment " + s.name()));
      case InterfaceKind.Loopback l -> {}
      case InterfaceKind.Tap t -> {}
    }
    model.master(i.ref()).ifPresent(m -> parts.add("master " + m.ref().name()));
    model.underlayOf(i.ref()).ifPresent(u -> parts.add("over " + u.ref().name()));
    if (!i.up()) {
      parts.add("DOWN");
    }
    return String.join(", ", parts);
  }
}
