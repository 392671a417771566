package dev.weft.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.document.DocNode.DocList;
import dev.weft.document.DocNode.DocMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Generated block-style YAML, written line by line so the position of every key and value is known,
 * reads back with exactly those positions.
 */
class LocationProperties {

  /** A generated map: keys to either a scalar word, a nested map, or a list of words. */
  record Spec(Map<String, Object> entries) {}

  /** Where a key or value was written, and the path to reach it. */
  record Expected(List<Object> path, boolean isKey, int line, int column) {}

  @Property(tries = 200)
  void locationsPointAtWhatWasWritten(@ForAll("specs") Spec spec, @ForAll("indents") int indent) {
    StringBuilder text = new StringBuilder();
    List<Expected> expected = new ArrayList<>();
    write(spec, 0, indent, List.of(), text, expected);
    Diagnostics d = new Diagnostics();
    DocNode root = new DocumentReader().parseYaml("g.yaml", text.toString(), d).getFirst();
    assertThat(d.all()).isEmpty();
    for (Expected e : expected) {
      Location actual = locate(root, e);
      assertThat(actual).as("%s in\n%s", e, text).isEqualTo(new Location("g.yaml", e.line(), e.column()));
    }
  }

  private static void write(Spec spec, int depth, int indent, List<Object> path, StringBuilder out, List<Expected> exp) {
    String pad = " ".repeat(depth * indent);
    for (Map.Entry<String, Object> e : spec.entries().entrySet()) {
      List<Object> here = append(path, e.getKey());
      int line = lines(out) + 1;
      exp.add(new Expected(here, true, line, pad.length() + 1));
      out.append(pad).append(e.getKey()).append(':');
      switch (e.getValue()) {
        case String word -> {
          out.append("  ").append(word).append('\n');
          exp.add(new Expected(here, false, line, pad.length() + e.getKey().length() + 4));
        }
        case Spec nested -> {
          out.append('\n');
          write(nested, depth + 1, indent, here, out, exp);
        }
        case List<?> words -> {
          out.append('\n');
          for (int i = 0; i < words.size(); i++) {
            exp.add(new Expected(append(here, i), false, lines(out) + 1, pad.length() + indent + 3));
            out.append(pad).append(" ".repeat(indent)).append("- ").append(words.get(i)).append('\n');
          }
        }
        default -> throw new IllegalStateException();
      }
    }
  }

  private static int lines(StringBuilder sb) {
    return (int) sb.chars().filter(c -> c == '\n').count();
  }

  private static List<Object> append(List<Object> path, Object step) {
    List<Object> out = new ArrayList<>(path);
    out.add(step);
    return out;
  }

  private static Location locate(DocNode root, Expected e) {
    DocNode node = root;
    for (int i = 0; i < e.path().size(); i++) {
      Object step = e.path().get(i);
      boolean last = i == e.path().size() - 1;
      if (step instanceof String key) {
        DocMap m = (DocMap) node;
        if (last && e.isKey()) {
          return m.entry(key).orElseThrow().keyLocation();
        }
        node = m.get(key).orElseThrow();
      } else {
        node = ((DocList) node).items().get((Integer) step);
      }
    }
    return node.location();
  }

  @Provide
  Arbitrary<Integer> indents() {
    return Arbitraries.integers().between(2, 4);
  }

  @Provide
  Arbitrary<Spec> specs() {
    return specs(3);
  }

  private Arbitrary<Spec> specs(int depth) {
    Arbitrary<Object> words = Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(1).ofMaxLength(10)
        .map(Object.class::cast);
    Arbitrary<Object> lists = words.list().ofMinSize(1).ofMaxSize(3).map(Object.class::cast);
    Arbitrary<Object> value = depth == 0 ? Arbitraries.oneOf(words, lists)
        : Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(3, words), net.jqwik.api.Tuple.of(1, lists),
            net.jqwik.api.Tuple.of(1, Arbitraries.lazy(() -> specs(depth - 1)).map(Object.class::cast)));
    return Arbitraries.maps(Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8), value)
        .ofMinSize(1).ofMaxSize(4).map(m -> new Spec(new LinkedHashMap<>(m)));
  }
}
