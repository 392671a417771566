package dev.weft.lab.kernel;

import dev.weft.linux.netns.NetnsName;
import dev.weft.model.value.InterfaceName;

/** A link by namespace and name: the far end of a veth. */
public record LinkEnd(NetnsName namespace, InterfaceName name) implements Comparable<LinkEnd> {
  @Override
  public int compareTo(LinkEnd o) {
    int c = namespace.compareTo(o.namespace);
    return c != 0 ? c : name.compareTo(o.name);
  }

  @Override
  public String toString() {
    return namespace + ":" + name;
  }
}
