package dev.weft.policy.verify;

import java.util.List;

/** Just enough JSON writing for the renderers: strings escaped per RFC 8259, lists of pre-rendered values. */
final class Json {
  private Json() {}

  static String str(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  static String strings(List<String> items) {
    return "[" + String.join(", ", items.stream().map(Json::str).toList()) + "]";
  }

  static String array(List<String> rendered, String indent) {
    if (rendered.isEmpty()) {
      return "[]";
    }
    return "[\n" + indent + "  " + String.join(",\n" + indent + "  ", rendered) + "\n" + indent + "]";
  }
}
