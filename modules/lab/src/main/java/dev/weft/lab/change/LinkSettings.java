package dev.weft.lab.change;

import dev.weft.lab.kernel.LinkState;
import dev.weft.lab.kernel.NamespaceState;
import dev.weft.linux.netns.NetnsName;
import java.util.ArrayList;
import java.util.List;

/**
 * The settings of links that exist and are of the right kind: MTU, MAC and master first, then up or
 * down last, so a link comes up only once it is configured.
 */
final class LinkSettings {
  private LinkSettings() {}

  static void diff(NetnsName ns, NamespaceState want, NamespaceState have, List<Change> out) {
    List<Change> state = new ArrayList<>();
    for (LinkState w : want.links().values()) {
      LinkState h = have.links().get(w.name());
      if (h == null) {
        continue;
      }
      if (!w.mtu().equals(h.mtu())) {
        out.add(new Change.SetMtu(ns, w.name(), h.mtu(), w.mtu()));
      }
      if (w.mac().isPresent() && !w.mac().equals(h.mac())) {
        out.add(new Change.SetMac(ns, w.name(), h.mac(), w.mac().get()));
      }
      if (!w.master().equals(h.master())) {
        out.add(new Change.SetMaster(ns, w.name(), w.master()));
      }
      if (w.up() != h.up()) {
        state.add(new Change.SetUp(ns, w.name(), w.up()));
      }
    }
    out.addAll(state);
  }
}
