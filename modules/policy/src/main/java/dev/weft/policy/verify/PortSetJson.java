package dev.weft.policy.verify;

import dev.weft.model.value.PortRange;
import dev.weft.policy.model.Protocol;
import dev.weft.policy.ports.PortSet;
import java.util.ArrayList;
import java.util.List;

/** A port set in JSON: {@code {"TCP": ["80", "8000-8080"], "UDP": ["53"]}}, protocols in fixed order. */
final class PortSetJson {
  private PortSetJson() {}

  static String of(PortSet set) {
    List<String> parts = new ArrayList<>();
    for (Protocol p : Protocol.values()) {
      List<PortRange> rs = set.ranges(p);
      if (!rs.isEmpty()) {
        parts.add(Json.str(p.name()) + ": " + Json.strings(rs.stream().map(PortRange::toString).toList()));
      }
    }
    return "{" + String.join(", ", parts) + "}";
  }
}
