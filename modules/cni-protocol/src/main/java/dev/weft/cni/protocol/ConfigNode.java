package dev.weft.cni.protocol;

import dev.weft.cni.protocol.json.JsonValue;
import dev.weft.cni.protocol.json.JsonValue.JsonArray;
import dev.weft.cni.protocol.json.JsonValue.JsonBool;
import dev.weft.cni.protocol.json.JsonValue.JsonNull;
import dev.weft.cni.protocol.json.JsonValue.JsonNumber;
import dev.weft.cni.protocol.json.JsonValue.JsonObject;
import dev.weft.cni.protocol.json.JsonValue.JsonString;
import dev.weft.model.value.InvalidValueException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A JSON value together with its path in the network config ({@code ipam.ranges[0][1].subnet}), so that
 * every type error is a code-7 error naming the field, what was expected and what was found. JSON
 * {@code null} counts as absent, as it does for the Go plugins.
 */
public record ConfigNode(JsonValue value, String path) {

  public static ConfigNode root(JsonValue value) {
    return new ConfigNode(value, "");
  }

  /** The member {@code name} of this object, empty when absent or null. */
  public Optional<ConfigNode> field(String name) throws CniException {
    JsonValue v = asObject().members().get(name);
    if (v == null || v instanceof JsonNull) {
      return Optional.empty();
    }
    return Optional.of(new ConfigNode(v, path.isEmpty() ? name : path + "." + name));
  }

  /** The member {@code name}; missing is a config error. */
  public ConfigNode require(String name) throws CniException {
    Optional<ConfigNode> f = field(name);
    if (f.isEmpty()) {
      throw CniException.invalidConfig(child(name) + ": missing (required)");
    }
    return f.get();
  }

  public JsonObject asObject() throws CniException {
    if (value instanceof JsonObject o) {
      return o;
    }
    throw mismatch("an object");
  }

  public String asString() throws CniException {
    if (value instanceof JsonString s) {
      return s.value();
    }
    throw mismatch("a string");
  }

  public boolean asBoolean() throws CniException {
    if (value instanceof JsonBool b) {
      return b.value();
    }
    throw mismatch("true or false");
  }

  /** An integer in {@code min..max}. */
  public long asLong(long min, long max) throws CniException {
    if (value instanceof JsonNumber n) {
      try {
        long v = n.value().longValueExact();
        if (v >= min && v <= max) {
          return v;
        }
      } catch (ArithmeticException notAnInteger) {
        // reported below
      }
    }
    throw mismatch("an integer from " + min + " to " + max);
  }

  /** The elements, each with its indexed path. */
  public List<ConfigNode> asList() throws CniException {
    if (!(value instanceof JsonArray a)) {
      throw mismatch("an array");
    }
    List<ConfigNode> out = new ArrayList<>(a.elements().size());
    for (int i = 0; i < a.elements().size(); i++) {
      out.add(new ConfigNode(a.elements().get(i), path + "[" + i + "]"));
    }
    return out;
  }

  /** A string parsed into a validated value; a parse failure names this field. */
  public <T> T asValue(Function<String, T> parser) throws CniException {
    String text = asString();
    try {
      return parser.apply(text);
    } catch (InvalidValueException e) {
      throw CniException.invalidConfig(describePath() + ": " + e.getMessage());
    }
  }

  /** A config error about this field, with {@code problem} as the explanation. */
  public CniException error(String problem) {
    return CniException.invalidConfig(describePath() + ": " + problem);
  }

  private CniException mismatch(String expected) {
    String got = value instanceof JsonString s ? "the string \"" + s.value() + "\"" : value.describe();
    return CniException.invalidConfig(describePath() + ": expected " + expected + ", got " + got);
  }

  private String describePath() {
    return path.isEmpty() ? "the network config" : path;
  }

  private String child(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }
}
