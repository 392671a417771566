package dev.weft.cni.protocol.json;

import dev.weft.cni.protocol.json.JsonValue.JsonArray;
import dev.weft.cni.protocol.json.JsonValue.JsonBool;
import dev.weft.cni.protocol.json.JsonValue.JsonNull;
import dev.weft.cni.protocol.json.JsonValue.JsonNumber;
import dev.weft.cni.protocol.json.JsonValue.JsonObject;
import dev.weft.cni.protocol.json.JsonValue.JsonString;
import java.util.Map;

/** Writes compact JSON (no insignificant white space), escaping as RFC 8259 requires and no more. */
public final class JsonWriter {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsonWriter() {}

  public static String write(JsonValue value) {
    StringBuilder out = new StringBuilder(256);
    write(value, out);
    return out.toString();
  }

  public static void write(JsonValue value, StringBuilder out) {
    switch (value) {
      case JsonNull n -> out.append("null");
      case JsonBool b -> out.append(b.value());
      case JsonNumber n -> out.append(n.value().toString());
      case JsonString s -> writeString(s.value(), out);
      case JsonArray a -> {
        out.append('[');
        for (int i = 0; i < a.elements().size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          write(a.elements().get(i), out);
        }
        out.append(']');
      }
      case JsonObject o -> {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
          if (!first) {
            out.append(',');
          }
          first = false;
          writeString(e.getKey(), out);
          out.append(':');
          write(e.getValue(), out);
        }
        out.append('}');
      }
    }
  }

  static void writeString(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || (Character.isSurrogate(c) && !isPaired(s, i))) {
            // a lone surrogate has no UTF-8 form: escaping it keeps the output valid UTF-8
            out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf])
                .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static boolean isPaired(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }
}
