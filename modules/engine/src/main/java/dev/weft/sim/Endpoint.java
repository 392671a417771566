package dev.weft.sim;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.Name;
import java.util.Optional;

/**
 * Where a traced packet starts: a namespace, optionally bound to one of its interfaces (whose address
 * becomes the source, as with {@code ping -I}). Written {@code NS} or {@code NS:IFACE}.
 */
public record Endpoint(Name namespace, Optional<InterfaceName> iface) {

  public static Endpoint of(Name namespace) {
    return new Endpoint(namespace, Optional.empty());
  }

  /** Parses {@code NS} or {@code NS:IFACE}; throws {@link dev.weft.model.value.InvalidValueException} on bad names. */
  public static Endpoint parse(String text) {
    int colon = text.indexOf(':');
    if (colon < 0) {
      return of(Name.of(text));
    }
    return new Endpoint(Name.of(text.substring(0, colon)), Optional.of(InterfaceName.of(text.substring(colon + 1))));
  }

  @JsonValue
  @Override
  public String toString() {
    return namespace + iface.map(i -> ":" + i).orElse("");
  }
}
