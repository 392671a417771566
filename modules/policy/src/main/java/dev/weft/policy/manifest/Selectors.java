package dev.weft.policy.manifest;

import dev.weft.document.Element;
import dev.weft.document.MapReader;
import dev.weft.policy.model.LabelRequirement;
import dev.weft.policy.model.LabelSelector;
import dev.weft.policy.model.Labels;
import dev.weft.policy.model.SelectorOperator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads labels and metav1.LabelSelector values (also used by the assertions file). */
public final class Selectors {
  private Selectors() {}

  /** A labels map; values are taken as written (YAML may type {@code "1"} or {@code true} otherwise). */
  static Labels labels(Optional<Element> e) {
    Map<String, String> m = new LinkedHashMap<>();
    e.flatMap(Element::openMap).ifPresent(r -> r.elements().forEach((k, v) -> {
      if (v.node() instanceof dev.weft.document.DocNode.DocScalar s && !s.isNull()) {
        m.put(k, s.text());
      } else {
        v.error(ManifestProblem.INVALID_POLICY, "label '" + k + "' has no text value", "a string");
      }
    }));
    return new Labels(m);
  }

  public static Optional<LabelSelector> selector(Element e) {
    Optional<MapReader> r = e.map("matchLabels", "matchExpressions");
    if (r.isEmpty()) {
      return Optional.empty();
    }
    Labels match = labels(r.get().get("matchLabels"));
    List<LabelRequirement> exprs = new ArrayList<>();
    for (Element x : r.get().list("matchExpressions")) {
      x.map("key", "operator", "values").ifPresent(m -> {
        Optional<String> key = m.requireString("key");
        Optional<SelectorOperator> op = m.requireString("operator").flatMap(t -> {
          Optional<SelectorOperator> o = SelectorOperator.parse(t);
          if (o.isEmpty()) {
            m.get("operator").ifPresent(el -> el.error(ManifestProblem.INVALID_POLICY, "unknown operator '" + t + "'", "In, NotIn, Exists or DoesNotExist"));
          }
          return o;
        });
        List<String> values = new ArrayList<>();
        m.list("values").forEach(v -> v.string().ifPresent(values::add));
        if (key.isPresent() && op.isPresent()) {
          boolean needsValues = op.get() == SelectorOperator.IN || op.get() == SelectorOperator.NOT_IN;
          if (needsValues == values.isEmpty()) {
            x.error(ManifestProblem.INVALID_POLICY, "operator " + op.get().apiName() + (needsValues ? " needs values" : " takes no values"),
                needsValues ? "a non-empty values list" : "no values");
          } else {
            exprs.add(new LabelRequirement(key.get(), op.get(), values));
          }
        }
      });
    }
    return Optional.of(new LabelSelector(match, exprs));
  }

  static Optional<LabelSelector> selector(MapReader r, String key) {
    return r.get(key).flatMap(Selectors::selector);
  }
}
