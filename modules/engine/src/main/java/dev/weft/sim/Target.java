package dev.weft.sim;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.weft.model.value.InvalidValueException;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Name;

/** Where a traced packet is going: an address, or a namespace (meaning its primary address). */
public sealed interface Target {

  record Address(IpAddress address) implements Target {
    @JsonValue
    @Override
    public String toString() {
      return address.toString();
    }
  }

  record Namespace(Name namespace) implements Target {
    @JsonValue
    @Override
    public String toString() {
      return namespace.toString();
    }
  }

  /** An IP address if the text is one, else a namespace name. */
  static Target parse(String text) {
    try {
      return new Address(IpAddress.parse(text));
    } catch (InvalidValueException notAnAddress) {
      return new Namespace(Name.of(text));
    }
  }
}
