package dev.weft.policy.model;

import java.util.List;

/** One matchExpressions entry. {@code values} is empty for Exists and DoesNotExist. */
public record LabelRequirement(String key, SelectorOperator operator, List<String> values) {
  public LabelRequirement {
    values = List.copyOf(values);
  }

  public boolean matches(Labels labels) {
    return switch (operator) {
      case IN -> labels.get(key).map(values::contains).orElse(false);
      // NotIn also matches objects that lack the key, as the API documents.
      case NOT_IN -> labels.get(key).map(v -> !values.contains(v)).orElse(true);
      case EXISTS -> labels.has(key);
      case DOES_NOT_EXIST -> !labels.has(key);
    };
  }

  @Override
  public String toString() {
    return switch (operator) {
      case EXISTS -> key;
      case DOES_NOT_EXIST -> "!" + key;
      case IN -> key + " in (" + String.join(",", values) + ")";
      case NOT_IN -> key + " notin (" + String.join(",", values) + ")";
    };
  }
}
