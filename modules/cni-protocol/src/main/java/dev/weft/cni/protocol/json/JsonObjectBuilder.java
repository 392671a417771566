package dev.weft.cni.protocol.json;

import dev.weft.cni.protocol.json.JsonValue.JsonArray;
import dev.weft.cni.protocol.json.JsonValue.JsonNumber;
import dev.weft.cni.protocol.json.JsonValue.JsonObject;
import dev.weft.cni.protocol.json.JsonValue.JsonString;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Builds a {@link JsonObject} in member order; the {@code opt} methods skip absent values. */
public final class JsonObjectBuilder {
  private final Map<String, JsonValue> members = new LinkedHashMap<>();

  public JsonObjectBuilder put(String key, JsonValue value) {
    members.put(key, value);
    return this;
  }

  public JsonObjectBuilder put(String key, String value) {
    return put(key, new JsonString(value));
  }

  public JsonObjectBuilder put(String key, long value) {
    return put(key, JsonNumber.of(value));
  }

  public JsonObjectBuilder opt(String key, Optional<?> value) {
    value.ifPresent(v -> put(key, v instanceof JsonValue j ? j : new JsonString(v.toString())));
    return this;
  }

  public JsonObjectBuilder opt(String key, OptionalInt value) {
    value.ifPresent(v -> put(key, v));
    return this;
  }

  /** Adds a string array unless {@code values} is empty. */
  public JsonObjectBuilder strings(String key, List<?> values) {
    if (!values.isEmpty()) {
      List<JsonValue> out = new ArrayList<>(values.size());
      values.forEach(v -> out.add(new JsonString(v.toString())));
      put(key, new JsonArray(out));
    }
    return this;
  }

  /** Adds an array unless {@code values} is empty. */
  public JsonObjectBuilder array(String key, List<? extends JsonValue> values) {
    if (!values.isEmpty()) {
      put(key, new JsonArray(List.copyOf(values)));
    }
    return this;
  }

  public JsonObject build() {
    return new JsonObject(members);
  }
}
