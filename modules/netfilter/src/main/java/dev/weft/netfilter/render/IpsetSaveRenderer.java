package dev.weft.netfilter.render;

import dev.weft.model.netfilter.IpSet;
import dev.weft.model.netfilter.IpSetEntry;
import java.util.Map;

/** Writes ipsets as {@code ipset restore} input (the {@code ipset save} format): create, then add lines. */
public final class IpsetSaveRenderer {

  public String render(Map<String, IpSet> sets) {
    StringBuilder sb = new StringBuilder();
    for (IpSet set : sets.values()) {
      sb.append("create ").append(set.name()).append(' ').append(set.type().keyword()).append(" family inet\n");
      for (IpSetEntry e : set.entries()) {
        sb.append("add ").append(set.name()).append(' ').append(element(e)).append('\n');
      }
    }
    return sb.toString();
  }

  private static String element(IpSetEntry e) {
    String addr = e.address().prefixLength() == 32 ? e.address().network().toString() : e.address().toString();
    if (e.protocol().isEmpty()) {
      return addr;
    }
    var p = e.ports().orElseThrow();
    return addr + "," + e.protocol().get() + ":" + (p.isSingle() ? Integer.toString(p.first()) : p.first() + "-" + p.last());
  }
}
