package dev.weft.policy.model;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Kubernetes labels: an immutable, sorted key/value map (sorted so that output and hashing are deterministic). */
public record Labels(Map<String, String> map) {
  public static final Labels EMPTY = new Labels(Map.of());

  public Labels {
    map = Collections.unmodifiableMap(new TreeMap<>(map));
  }

  /** Labels from alternating keys and values: {@code Labels.of("app", "web", "tier", "front")}. */
  public static Labels of(String... keyValues) {
    if (keyValues.length % 2 != 0) {
      throw new IllegalArgumentException("labels need key/value pairs");
    }
    Map<String, String> m = new TreeMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put(keyValues[i], keyValues[i + 1]);
    }
    return new Labels(m);
  }

  public Optional<String> get(String key) {
    return Optional.ofNullable(map.get(key));
  }

  public boolean has(String key) {
    return map.containsKey(key);
  }

  /** These labels plus one more (or a replaced value). */
  public Labels with(String key, String value) {
    Map<String, String> m = new TreeMap<>(map);
    m.put(key, value);
    return new Labels(m);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    map.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ",").append(k).append('=').append(v));
    return sb.toString();
  }
}
