package dev.weft.model;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.Name;

/** Names one interface: the namespace it is in and its name there. Written {@code ns:ifname}. */
public record InterfaceRef(Name namespace, InterfaceName name) implements Comparable<InterfaceRef> {

  public static InterfaceRef of(String namespace, String name) {
    return new InterfaceRef(Name.of(namespace), InterfaceName.of(name));
  }

  /** Mixed so that refs with sequential names do not collide in hash tables. */
  @Override
  public int hashCode() {
    int h = namespace.hashCode() * 0x9E3779B1 + name.hashCode();
    return h ^ (h >>> 16);
  }

  @Override
  public int compareTo(InterfaceRef o) {
    int c = namespace.compareTo(o.namespace);
    return c != 0 ? c : name.compareTo(o.name);
  }

  @JsonValue
  @Override
  public String toString() {
    return namespace + ":" + name;
  }
}
