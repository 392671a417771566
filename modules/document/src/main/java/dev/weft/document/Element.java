package dev.weft.document;

import dev.weft.document.DocNode.DocList;
import dev.weft.document.DocNode.DocMap;
import dev.weft.document.DocNode.DocScalar;
import dev.weft.model.value.InvalidValueException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A node being read at a field path, with the collector its problems go to. Every typed read either
 * returns the value or reports a located diagnostic and returns empty, so a schema reader can go on
 * reading the rest of the document after a mistake.
 */
public final class Element {
  /** Booleans in YAML 1.1 but strings in 1.2: worth a hint when a boolean is expected. */
  private static final Set<String> YAML11_BOOLEANS = Set.of("yes", "no", "on", "off", "y", "n");

  private final DocNode node;
  private final FieldPath path;
  private final Diagnostics diagnostics;

  public Element(DocNode node, FieldPath path, Diagnostics diagnostics) {
    this.node = node;
    this.path = path;
    this.diagnostics = diagnostics;
  }

  /** A whole document, read from its root. */
  public static Element root(DocNode document, Diagnostics diagnostics) {
    return new Element(document, FieldPath.root(), diagnostics);
  }

  public DocNode node() {
    return node;
  }

  public FieldPath path() {
    return path;
  }

  public Diagnostics diagnostics() {
    return diagnostics;
  }

  public Location location() {
    return node.location();
  }

  public Origin origin() {
    return new Origin(node.location(), path);
  }

  public boolean isNull() {
    return node instanceof DocScalar s && s.isNull();
  }

  /** A string scalar. Numbers and booleans are reported, with a hint to quote them. */
  public Optional<String> string() {
    if (node instanceof DocScalar s && s.kind() == ScalarKind.STRING) {
      return Optional.of(s.text());
    }
    Diagnostic d = wrongType("a string");
    if (node instanceof DocScalar s && !s.isNull()) {
      d = d.withHint("quote it if you mean the text: \"" + s.text() + "\"");
    }
    diagnostics.add(d);
    return Optional.empty();
  }

  public <T> Optional<Located<T>> located(Function<Element, Optional<T>> read) {
    return read.apply(this).map(v -> new Located<>(v, origin()));
  }

  /** An integer from {@code min} to {@code max}. */
  public Optional<Long> integer(long min, long max) {
    String expected = "an integer from " + min + " to " + max;
    if (!(node instanceof DocScalar s) || s.kind() != ScalarKind.INT) {
      Diagnostic d = wrongType(expected);
      if (node instanceof DocScalar s && s.kind() == ScalarKind.STRING
          && DocScalar.parseInteger(s.text()).isPresent()) {
        d = d.withHint("remove the quotes");
      }
      diagnostics.add(d);
      return Optional.empty();
    }
    Optional<BigInteger> v = s.integerValue();
    if (v.isEmpty() || v.get().compareTo(BigInteger.valueOf(min)) < 0 || v.get().compareTo(BigInteger.valueOf(max)) > 0) {
      diagnostics.error(DocumentProblem.INVALID_VALUE, origin(), s.text() + " is out of range", expected);
      return Optional.empty();
    }
    return Optional.of(v.get().longValue());
  }

  public Optional<Integer> integer(int min, int max) {
    return integer((long) min, (long) max).map(Long::intValue);
  }

  /** {@code true} or {@code false}; YAML 1.1 spellings such as {@code yes} get a hint. */
  public Optional<Boolean> bool() {
    if (node instanceof DocScalar s && s.kind() == ScalarKind.BOOL) {
      return Optional.of(Boolean.parseBoolean(s.canonical()));
    }
    Diagnostic d = wrongType("true or false");
    if (node instanceof DocScalar s && YAML11_BOOLEANS.contains(s.text().toLowerCase(Locale.ROOT))) {
      d = d.withHint("YAML 1.2 reads '" + s.text() + "' as a string; write true or false");
    }
    diagnostics.add(d);
    return Optional.empty();
  }

  /**
   * A value parsed from a scalar's text by {@code parser}, such as {@code Cidr::parse}. An {@link
   * InvalidValueException} becomes a diagnostic stating the value's own expectation; other
   * IllegalArgumentExceptions become one with their message. Maps, lists and null are reported as the
   * wrong type; their expectation is taken from what the parser says about empty text.
   */
  public <T> Optional<T> value(Function<String, T> parser) {
    if (node instanceof DocScalar s && !s.isNull()) {
      try {
        return Optional.of(parser.apply(s.text()));
      } catch (InvalidValueException e) {
        diagnostics.error(DocumentProblem.INVALID_VALUE, origin(), "invalid " + e.kind() + " '" + e.input() + "'",
            e.expected());
      } catch (IllegalArgumentException e) {
        diagnostics.add(Diagnostic.error(DocumentProblem.INVALID_VALUE, origin(),
            "invalid value '" + s.text() + "': " + e.getMessage()));
      }
      return Optional.empty();
    }
    diagnostics.add(wrongType(expectationOf(parser)));
    return Optional.empty();
  }

  private static String expectationOf(Function<String, ?> parser) {
    try {
      parser.apply("");
    } catch (InvalidValueException e) {
      return e.kind() + ": " + e.expected();
    } catch (RuntimeException e) {
      // no better wording available
    }
    return "a single value";
  }

  /** The items of a list; null counts as an empty list. */
  public Optional<List<Element>> list() {
    if (isNull()) {
      return Optional.of(List.of());
    }
    if (node instanceof DocList l) {
      List<Element> out = new ArrayList<>(l.items().size());
      for (int i = 0; i < l.items().size(); i++) {
        out.add(new Element(l.items().get(i), path.index(i), diagnostics));
      }
      return Optional.of(out);
    }
    diagnostics.add(wrongType("a list"));
    return Optional.empty();
  }

  /**
   * A map whose keys must be among {@code allowedKeys}; each unknown key is reported at once, with a
   * did-you-mean suggestion. Null counts as an empty map.
   */
  public Optional<MapReader> map(String... allowedKeys) {
    if (isNull()) {
      return Optional.of(new MapReader(new DocMap(node.location(), new LinkedHashMap<>()), path, diagnostics, false,
          allowedKeys));
    }
    if (node instanceof DocMap m) {
      return Optional.of(new MapReader(m, path, diagnostics, false, allowedKeys));
    }
    diagnostics.add(wrongType("a map with keys " + String.join(", ", allowedKeys)));
    return Optional.empty();
  }

  /** A map whose keys are data rather than schema (labels, annotations): every key is accepted. */
  public Optional<MapReader> openMap() {
    if (isNull()) {
      return Optional.of(new MapReader(new DocMap(node.location(), new LinkedHashMap<>()), path, diagnostics, true));
    }
    if (node instanceof DocMap m) {
      return Optional.of(new MapReader(m, path, diagnostics, true));
    }
    diagnostics.add(wrongType("a map"));
    return Optional.empty();
  }

  /** Reports a problem with this element. */
  public Diagnostic error(DiagnosticKind kind, String message, String expected) {
    return diagnostics.error(kind, origin(), message, expected);
  }

  private Diagnostic wrongType(String expected) {
    String got = node instanceof DocScalar s && !s.isNull() && s.kind() != ScalarKind.STRING
        ? s.description() + " (" + s.text() + ")"
        : node instanceof DocScalar s && s.kind() == ScalarKind.STRING ? "a string \"" + s.text() + "\""
        : node instanceof DocScalar ? "no value (null)" : node.description();
    return Diagnostic.error(DocumentProblem.WRONG_TYPE, origin(), "wrong type: got " + got).expecting(expected);
  }
}
