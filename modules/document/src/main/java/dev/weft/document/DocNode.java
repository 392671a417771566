package dev.weft.document;

import java.math.BigInteger;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.SequencedMap;

/**
 * A node of a parsed YAML or JSON document, with the location it was written at. Nodes do not know
 * their field path: a YAML alias can place one node at several paths, so readers track the path as they
 * descend (see {@link Element}).
 */
public sealed interface DocNode permits DocNode.DocMap, DocNode.DocList, DocNode.DocScalar {

  Location location();

  /** What the node is, with an article, for messages: "a map", "a list", "a string". */
  String description();

  /** Same structure and scalar values, ignoring locations. */
  default boolean sameContent(DocNode other) {
    return switch (this) {
      case DocScalar s -> other instanceof DocScalar o && s.kind() == o.kind() && s.canonical().equals(o.canonical());
      case DocList l -> other instanceof DocList o && sameItems(l.items(), o.items());
      case DocMap m -> other instanceof DocMap o && sameEntries(m, o);
    };
  }

  private static boolean sameItems(List<DocNode> a, List<DocNode> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).sameContent(b.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameEntries(DocMap a, DocMap b) {
    if (a.entries().size() != b.entries().size()) {
      return false;
    }
    Iterator<DocEntry> ia = a.entries().values().iterator();
    Iterator<DocEntry> ib = b.entries().values().iterator();
    while (ia.hasNext()) {
      DocEntry x = ia.next();
      DocEntry y = ib.next();
      if (!x.key().equals(y.key()) || !x.value().sameContent(y.value())) {
        return false;
      }
    }
    return true;
  }

  /** A map; entries keep their order in the file. Keys are unique (duplicates are a parse error). */
  record DocMap(Location location, SequencedMap<String, DocEntry> entries) implements DocNode {
    public DocMap {
      entries = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(entries));
    }

    public Optional<DocEntry> entry(String key) {
      return Optional.ofNullable(entries.get(key));
    }

    public Optional<DocNode> get(String key) {
      return entry(key).map(DocEntry::value);
    }

    @Override
    public String description() {
      return "a map";
    }
  }

  /** One key of a map with the location of the key itself. */
  record DocEntry(String key, Location keyLocation, DocNode value) {}

  record DocList(Location location, List<DocNode> items) implements DocNode {
    public DocList {
      items = List.copyOf(items);
    }

    @Override
    public String description() {
      return "a list";
    }
  }

  /**
   * A scalar: its text as written (after quote and escape processing) and the type it resolved to.
   * An integer keeps its written form ({@code 0x1F}); see {@link ValueReader} for conversions.
   */
  record DocScalar(Location location, String text, ScalarKind kind) implements DocNode {
    public DocScalar {
      Objects.requireNonNull(text);
    }

    public boolean isNull() {
      return kind == ScalarKind.NULL;
    }

    /**
     * The value of an integer scalar. YAML 1.2 core integers are decimal with an optional sign, or
     * {@code 0o} octal, or {@code 0x} hexadecimal.
     */
    public Optional<BigInteger> integerValue() {
      return kind == ScalarKind.INT ? parseInteger(text) : Optional.empty();
    }

    /** Parses YAML 1.2 core integer text; empty when the text is not one. */
    public static Optional<BigInteger> parseInteger(String text) {
      try {
        if (text.startsWith("0x")) {
          return Optional.of(new BigInteger(text.substring(2), 16));
        }
        if (text.startsWith("0o")) {
          return Optional.of(new BigInteger(text.substring(2), 8));
        }
        return Optional.of(new BigInteger(text.startsWith("+") ? text.substring(1) : text));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }

    /**
     * The value in one spelling per value, for comparing scalars: {@code null}, {@code true}/{@code
     * false}, integers in decimal; strings and floats as written.
     */
    public String canonical() {
      return switch (kind) {
        case NULL -> "null";
        case BOOL -> text.toLowerCase(Locale.ROOT);
        case INT -> integerValue().map(BigInteger::toString).orElse(text);
        case STRING, FLOAT -> text;
      };
    }

    @Override
    public String description() {
      return kind.description();
    }
  }
}
