package dev.weft.document;

import dev.weft.document.DocNode.DocEntry;
import dev.weft.document.DocNode.DocList;
import dev.weft.document.DocNode.DocMap;
import dev.weft.document.DocNode.DocScalar;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * Builds located trees from one token stream. YAML anchors are remembered and aliases resolve to the
 * anchored node; merge keys ({@code <<: *base}) copy the entries the map does not set itself.
 */
final class TreeBuilder {
  private static final String MERGE_KEY = "<<";
  /** SnakeYAML puts the 1-based problem position in its message; the last one is the most precise. */
  private static final Pattern MARK = Pattern.compile("line (\\d+), column (\\d+)");

  private final JsonParser parser;
  private final String file;
  private final Diagnostics diagnostics;
  private final Map<String, DocNode> anchors = new HashMap<>();

  TreeBuilder(JsonParser parser, String file, Diagnostics diagnostics) {
    this.parser = parser;
    this.file = file;
    this.diagnostics = diagnostics;
  }

  List<DocNode> documents() {
    List<DocNode> documents = new ArrayList<>();
    try {
      JsonToken t;
      while ((t = parser.nextToken()) != null) {
        documents.add(value(t, FieldPath.root()));
        anchors.clear(); // anchors are scoped to their document
      }
    } catch (JacksonException e) {
      diagnostics.add(syntaxError(e));
    } catch (RuntimeException e) {
      // The YAML library may fail outside Jackson's wrapping; the user still gets a located message.
      diagnostics.error(DocumentProblem.SYNTAX, new Origin(here(), FieldPath.root()),
          "cannot parse: " + e.getMessage(), "valid YAML or JSON");
    }
    return documents;
  }

  private DocNode value(JsonToken token, FieldPath path) {
    Location at = here();
    if (isAlias()) {
      return alias(at, path);
    }
    String anchor = anchorOf(token);
    DocNode node = switch (token) {
      case START_OBJECT -> map(at, path);
      case START_ARRAY -> list(at, path);
      case VALUE_STRING, VALUE_EMBEDDED_OBJECT -> new DocScalar(at, parser.getString(), ScalarKind.STRING);
      case VALUE_NUMBER_INT -> new DocScalar(at, parser.getString(), ScalarKind.INT);
      case VALUE_NUMBER_FLOAT -> new DocScalar(at, parser.getString(), ScalarKind.FLOAT);
      case VALUE_TRUE, VALUE_FALSE -> new DocScalar(at, parser.getString(), ScalarKind.BOOL);
      case VALUE_NULL -> new DocScalar(at, parser.getString(), ScalarKind.NULL);
      default -> throw new IllegalStateException("unexpected token " + token + " at " + at);
    };
    if (!anchor.isEmpty()) {
      anchors.put(anchor, node);
    }
    return node;
  }

  private DocMap map(Location at, FieldPath path) {
    LinkedHashMap<String, DocEntry> entries = new LinkedHashMap<>();
    List<DocNode> merged = new ArrayList<>();
    JsonToken t;
    while ((t = parser.nextToken()) != JsonToken.END_OBJECT) {
      String key = parser.currentName();
      Location keyAt = here();
      FieldPath child = path.key(key);
      DocNode value = value(parser.nextToken(), child);
      if (key.equals(MERGE_KEY) && isYaml()) {
        merged.add(value);
        continue;
      }
      DocEntry previous = entries.putIfAbsent(key, new DocEntry(key, keyAt, value));
      if (previous != null) {
        diagnostics.error(DocumentProblem.DUPLICATE_KEY, new Origin(keyAt, child),
            "duplicate key '" + key + "' (first set at line " + previous.keyLocation().line() + ")",
            "each key at most once per map");
      }
    }
    for (DocNode source : merged) {
      merge(entries, source, path.key(MERGE_KEY));
    }
    return new DocMap(at, entries);
  }

  private void merge(LinkedHashMap<String, DocEntry> entries, DocNode source, FieldPath path) {
    switch (source) {
      case DocMap m -> m.entries().values().forEach(e -> entries.putIfAbsent(e.key(), e));
      case DocList l -> l.items().forEach(item -> merge(entries, item, path));
      case DocScalar s -> diagnostics.error(DocumentProblem.WRONG_TYPE, new Origin(s.location(), path),
          "a merge key needs a map, got " + s.description(), "an alias to a map, like <<: *defaults");
    }
  }

  private DocList list(Location at, FieldPath path) {
    List<DocNode> items = new ArrayList<>();
    JsonToken t;
    while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
      items.add(value(t, path.index(items.size())));
    }
    return new DocList(at, items);
  }

  private DocNode alias(Location at, FieldPath path) {
    String name = parser.getString();
    DocNode target = anchors.get(name);
    if (target == null) {
      diagnostics.error(DocumentProblem.UNKNOWN_ANCHOR, new Origin(at, path),
          "alias *" + name + " refers to no anchor", "an anchor &" + name + " defined earlier in the document");
      return new DocScalar(at, "", ScalarKind.NULL);
    }
    return target;
  }

  private boolean isYaml() {
    return parser instanceof YAMLParser;
  }

  private boolean isAlias() {
    return parser instanceof YAMLParser y && y.isCurrentAlias();
  }

  private String anchorOf(JsonToken token) {
    if (!isYaml() || token == JsonToken.PROPERTY_NAME) {
      return "";
    }
    Object id = parser.getObjectId();
    return id == null ? "" : id.toString();
  }

  private Location here() {
    return location(parser.currentTokenLocation());
  }

  private Location location(TokenStreamLocation l) {
    int line = Math.max(1, l.getLineNr());
    int column = Math.max(1, l.getColumnNr());
    return new Location(file, line, column);
  }

  private Diagnostic syntaxError(JacksonException e) {
    String original = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
    Location at = e.getLocation() == null ? here() : location(e.getLocation());
    Matcher m = MARK.matcher(original);
    while (m.find()) {
      at = new Location(file, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }
    return Diagnostic.error(DocumentProblem.SYNTAX, new Origin(at, FieldPath.root()), summary(original))
        .expecting(isYaml() ? "valid YAML" : "valid JSON");
  }

  /** SnakeYAML messages interleave source excerpts; keep only the sentences, on one line. */
  private static String summary(String message) {
    List<String> sentences = new ArrayList<>();
    for (String line : message.split("\n")) {
      if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
        sentences.add(line.strip());
      }
    }
    String text = String.join(": ", sentences);
    int source = text.indexOf(" at [Source");
    return source > 0 ? text.substring(0, source) : text;
  }
}
