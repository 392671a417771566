package dev.weft.cni.protocol;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code CNI_ARGS}: {@code K=V;K2=V2}. Every pair must have exactly one '='. A plugin names the keys it
 * understands with {@link #checkKnown}; any other key is an error unless {@code IgnoreUnknown} is
 * {@code 1} or {@code true} (kubelet's runtimes always send it along with the K8S_POD_* keys).
 */
public record CniArgs(Map<String, String> values) {
  public static final CniArgs EMPTY = new CniArgs(Map.of());
  private static final String IGNORE_UNKNOWN = "IgnoreUnknown";

  public CniArgs {
    values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  public static CniArgs parse(String text) throws CniException {
    if (text.isEmpty()) {
      return EMPTY;
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : text.split(";", -1)) {
      int eq = pair.indexOf('=');
      if (eq <= 0 || pair.indexOf('=', eq + 1) >= 0) {
        throw CniException.invalidEnvironment(
            "CNI_ARGS: invalid pair '" + pair + "', expected KEY=VALUE pairs separated by ';'");
      }
      out.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    return new CniArgs(out);
  }

  public Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  public boolean ignoreUnknown() {
    String v = values.getOrDefault(IGNORE_UNKNOWN, "");
    return v.equals("1") || v.equalsIgnoreCase("true");
  }

  /** Fails with code 4 naming the first key that is not in {@code known}, unless IgnoreUnknown is set. */
  public void checkKnown(Collection<String> known) throws CniException {
    if (ignoreUnknown()) {
      return;
    }
    for (String key : values.keySet()) {
      if (!key.equals(IGNORE_UNKNOWN) && !known.contains(key)) {
        throw CniException.invalidEnvironment(
            "CNI_ARGS: unknown key '" + key + "' (known: " + String.join(", ", known)
                + "; set IgnoreUnknown=1 to ignore others)");
      }
    }
  }
}
