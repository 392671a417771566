package dev.weft.lab.probe;

import dev.weft.linux.LinuxDriver;
import dev.weft.linux.Rtnetlink;
import dev.weft.linux.link.Link;
import dev.weft.linux.neigh.NeighbourEntry;
import dev.weft.linux.netns.NetnsName;
import dev.weft.linux.netns.NetnsRef;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.IpFamily;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Forgets what the lab's stacks learnt about their neighbours: every neighbour entry that is not
 * permanent, in every stack. The probe does this between source rows, for two reasons. The kernel's ARP
 * cache is one table for the whole machine (namespaces share it; {@code net.ipv4.neigh.default.gc_thresh3},
 * 1024 by default, settable only in the initial namespace): a full matrix learns about n² entries, and
 * past the limit the kernel stops resolving ("neighbor table overflow") and probes fail that should not.
 * And the simulator starts every trace with empty tables, so a kernel that starts every row the same way
 * is the fairer comparison.
 */
final class NeighbourFlush implements AutoCloseable {
  private final List<Rtnetlink> sessions = new ArrayList<>();
  private final List<Map<Integer, InterfaceName>> names = new ArrayList<>();

  NeighbourFlush(LinuxDriver driver, List<NetnsName> stacks) {
    try {
      for (NetnsName s : stacks) {
        Rtnetlink rt = driver.rtnetlink(NetnsRef.named(s));
        sessions.add(rt);
        Map<Integer, InterfaceName> byIndex = new HashMap<>();
        for (Link l : rt.links().list()) {
          byIndex.put(l.index(), l.name());
        }
        names.add(byIndex);
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Deletes every learnt neighbour entry; returns how many. */
  int flush() {
    int deleted = 0;
    for (int i = 0; i < sessions.size(); i++) {
      Rtnetlink rt = sessions.get(i);
      for (IpFamily f : IpFamily.values()) {
        for (NeighbourEntry n : rt.neighbours().list(f)) {
          InterfaceName dev = names.get(i).get(n.index());
          if (!n.permanent() && dev != null && rt.neighbours().deleteIfExists(dev, n.address())) {
            deleted++;
          }
        }
      }
    }
    return deleted;
  }

  @Override
  public void close() {
    sessions.forEach(Rtnetlink::close);
    sessions.clear();
  }
}
