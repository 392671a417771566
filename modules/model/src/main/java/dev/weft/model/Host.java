package dev.weft.model;

import dev.weft.model.value.Name;

/** A machine. Its own network stack is the {@link Namespace} of the same name with role HOST. */
public record Host(Name name) implements Node {
  @Override
  public String id() {
    return "host:" + name;
  }
}
