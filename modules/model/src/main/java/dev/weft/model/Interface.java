package dev.weft.model;

import dev.weft.model.value.InterfaceAddress;
import dev.weft.model.value.Mac;
import dev.weft.model.value.Mtu;
import java.util.List;

/**
 * A network interface in a namespace. Identity is {@link #ref()} alone, so the record is cheap to use
 * as a graph vertex; a model never holds two interfaces with the same ref.
 */
public record Interface(InterfaceRef ref, InterfaceKind kind, Mac mac, Mtu mtu, List<InterfaceAddress> addresses, boolean up)
    implements Node {

  public Interface {
    addresses = List.copyOf(addresses);
  }

  @Override
  public String id() {
    return "if:" + ref;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Interface other && other.ref.equals(ref);
  }

  @Override
  public int hashCode() {
    return ref.hashCode();
  }
}
