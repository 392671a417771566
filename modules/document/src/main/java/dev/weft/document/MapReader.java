package dev.weft.document;

import dev.weft.document.DocNode.DocEntry;
import dev.weft.document.DocNode.DocMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.SequencedSet;
import java.util.function.Function;

/**
 * Reads one map against a schema: the keys it may have, which are required, and their types. Unknown
 * keys are reported when the reader is made (with a did-you-mean hint); missing and mistyped values when
 * they are read. Asking for a key that was not declared is a bug in the caller and throws. An open reader
 * ({@link Element#openMap}) accepts any key.
 */
public final class MapReader {
  private final DocMap map;
  private final FieldPath path;
  private final Diagnostics diagnostics;
  private final SequencedSet<String> allowed;
  private final boolean open;

  MapReader(DocMap map, FieldPath path, Diagnostics diagnostics, boolean open, String... allowedKeys) {
    this.map = map;
    this.path = path;
    this.diagnostics = diagnostics;
    this.open = open;
    this.allowed = new LinkedHashSet<>(List.of(allowedKeys));
    if (!open) {
      reportUnknownKeys();
    }
  }

  private void reportUnknownKeys() {
    for (DocEntry e : map.entries().values()) {
      if (!allowed.contains(e.key())) {
        Diagnostic d = Diagnostic.error(DocumentProblem.UNKNOWN_KEY, new Origin(e.keyLocation(), path.key(e.key())),
                "unknown key '" + e.key() + "'")
            .expecting(allowed.isEmpty() ? "no keys here" : "one of: " + String.join(", ", allowed))
            .withHint(DidYouMean.hint(e.key(), allowed));
        diagnostics.add(d);
      }
    }
  }

  public DocMap node() {
    return map;
  }

  public FieldPath path() {
    return path;
  }

  public Origin origin() {
    return new Origin(map.location(), path);
  }

  public Diagnostics diagnostics() {
    return diagnostics;
  }

  public boolean has(String key) {
    return map.entries().containsKey(declared(key));
  }

  /** Where {@code key} itself is written, if present. */
  public Optional<Origin> keyOrigin(String key) {
    return map.entry(declared(key)).map(e -> new Origin(e.keyLocation(), path.key(key)));
  }

  /** The value of an optional key. */
  public Optional<Element> get(String key) {
    return map.entry(declared(key)).map(e -> new Element(e.value(), path.key(key), diagnostics));
  }

  /** The value of a required key; a missing key is reported at the map, naming what was expected. */
  public Optional<Element> require(String key, String expected) {
    Optional<Element> e = get(key);
    if (e.isEmpty()) {
      diagnostics.error(DocumentProblem.MISSING_KEY, new Origin(map.location(), path.key(key)),
          "missing required key '" + key + "'", expected);
    }
    return e;
  }

  public Optional<String> string(String key) {
    return get(key).flatMap(Element::string);
  }

  public String string(String key, String fallback) {
    return string(key).orElse(fallback);
  }

  public Optional<String> requireString(String key) {
    return require(key, "a string").flatMap(Element::string);
  }

  public Optional<Integer> integer(String key, int min, int max) {
    return get(key).flatMap(e -> e.integer(min, max));
  }

  public Optional<Long> integer(String key, long min, long max) {
    return get(key).flatMap(e -> e.integer(min, max));
  }

  public boolean bool(String key, boolean fallback) {
    return get(key).flatMap(Element::bool).orElse(fallback);
  }

  public Optional<Boolean> bool(String key) {
    return get(key).flatMap(Element::bool);
  }

  /** An optional value parsed from a scalar (see {@link Element#value}). */
  public <T> Optional<T> value(String key, Function<String, T> parser) {
    return get(key).flatMap(e -> e.value(parser));
  }

  public <T> Optional<T> requireValue(String key, Function<String, T> parser, String expected) {
    return require(key, expected).flatMap(e -> e.value(parser));
  }

  /** An optional value with where it was written. */
  public <T> Optional<Located<T>> located(String key, Function<String, T> parser) {
    return get(key).flatMap(e -> e.located(x -> x.value(parser)));
  }

  public <T> Optional<Located<T>> requireLocated(String key, Function<String, T> parser, String expected) {
    return require(key, expected).flatMap(e -> e.located(x -> x.value(parser)));
  }

  /** The items of an optional list; absent or mistyped gives an empty list (the latter reported). */
  public List<Element> list(String key) {
    return get(key).flatMap(Element::list).orElse(List.of());
  }

  /** A nested map with its own allowed keys. */
  public Optional<MapReader> map(String key, String... allowedKeys) {
    return get(key).flatMap(e -> e.map(allowedKeys));
  }

  /** Every entry in file order, for maps whose keys are data (labels, annotations). */
  public SequencedMap<String, Element> elements() {
    SequencedMap<String, Element> out = new LinkedHashMap<>();
    map.entries().values().forEach(e -> out.put(e.key(), new Element(e.value(), path.key(e.key()), diagnostics)));
    return Collections.unmodifiableSequencedMap(out);
  }

  private String declared(String key) {
    if (!open && !allowed.contains(key)) {
      throw new IllegalArgumentException("key '" + key + "' is not declared for " + (path.isRoot() ? "the root" : path));
    }
    return key;
  }
}
