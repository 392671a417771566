package dev.weft.cni.protocol.json;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One JSON value. Objects keep member order (CNI configs are read by people, and results are compared as
 * text in golden tests); numbers keep their exact decimal value.
 */
public sealed interface JsonValue {

  /** JSON {@code null}. */
  record JsonNull() implements JsonValue {
    public static final JsonNull INSTANCE = new JsonNull();
  }

  /** {@code true} or {@code false}. */
  record JsonBool(boolean value) implements JsonValue {}

  /** A number, exact: {@code 1.50} and {@code 1.5} are different values, as their text differs. */
  record JsonNumber(BigDecimal value) implements JsonValue {
    public static JsonNumber of(long value) {
      return new JsonNumber(BigDecimal.valueOf(value));
    }
  }

  /** A string. */
  record JsonString(String value) implements JsonValue {}

  /** An array; the list is unmodifiable. */
  record JsonArray(List<JsonValue> elements) implements JsonValue {
    public JsonArray {
      elements = List.copyOf(elements);
    }

    public static JsonArray of(JsonValue... elements) {
      return new JsonArray(List.of(elements));
    }
  }

  /** An object; member order is kept and the map is unmodifiable. */
  record JsonObject(Map<String, JsonValue> members) implements JsonValue {
    public static final JsonObject EMPTY = new JsonObject(Map.of());

    public JsonObject {
      members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }

    public Optional<JsonValue> get(String key) {
      return Optional.ofNullable(members.get(key));
    }

    public boolean has(String key) {
      return members.containsKey(key);
    }

    /** A copy with {@code key} set to {@code value} (added last when new). */
    public JsonObject with(String key, JsonValue value) {
      Map<String, JsonValue> copy = new LinkedHashMap<>(members);
      copy.put(key, value);
      return new JsonObject(copy);
    }

    /** A copy without {@code key}. */
    public JsonObject without(String key) {
      Map<String, JsonValue> copy = new LinkedHashMap<>(members);
      copy.remove(key);
      return new JsonObject(copy);
    }
  }

  /** Compact JSON text. */
  default String toJson() {
    return JsonWriter.write(this);
  }

  /** A short name of this value's type, for error messages ("a string", "an object"...). */
  default String describe() {
    return switch (this) {
      case JsonNull n -> "null";
      case JsonBool b -> "a boolean";
      case JsonNumber n -> "a number";
      case JsonString s -> "a string";
      case JsonArray a -> "an array";
      case JsonObject o -> "an object";
    };
  }

  static JsonString string(String value) {
    return new JsonString(value);
  }
}
