package dev.weft.policy.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A metav1.LabelSelector: every matchLabels pair AND every matchExpressions requirement must hold. The empty
 * selector {@code {}} matches everything.
 */
public record LabelSelector(Labels matchLabels, List<LabelRequirement> matchExpressions) {
  public static final LabelSelector ALL = new LabelSelector(Labels.EMPTY, List.of());

  public LabelSelector {
    matchExpressions = List.copyOf(matchExpressions);
  }

  /** A selector of matchLabels only. */
  public static LabelSelector of(String... keyValues) {
    return new LabelSelector(Labels.of(keyValues), List.of());
  }

  public boolean matches(Labels labels) {
    for (Map.Entry<String, String> e : matchLabels.map().entrySet()) {
      if (!e.getValue().equals(labels.map().get(e.getKey()))) {
        return false;
      }
    }
    for (LabelRequirement r : matchExpressions) {
      if (!r.matches(labels)) {
        return false;
      }
    }
    return true;
  }

  public boolean isEmpty() {
    return matchLabels.map().isEmpty() && matchExpressions.isEmpty();
  }

  /** kubectl's selector syntax: {@code app=web,tier in (a,b)}; {@code {}} for the empty selector. */
  @Override
  public String toString() {
    if (isEmpty()) {
      return "{}";
    }
    List<String> parts = new ArrayList<>();
    matchLabels.map().forEach((k, v) -> parts.add(k + "=" + v));
    matchExpressions.forEach(r -> parts.add(r.toString()));
    return String.join(",", parts);
  }
}
