package dev.weft.document;

import dev.weft.document.DocNode.DocEntry;
import dev.weft.document.DocNode.DocList;
import dev.weft.document.DocNode.DocMap;
import dev.weft.document.DocNode.DocScalar;
import java.io.StringWriter;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;
import tools.jackson.dataformat.yaml.util.StringQuotingChecker;

/**
 * Writes trees back as YAML or JSON text. Strings that the YAML 1.2 core schema would read as another
 * type ({@code "42"}, {@code "true"}, {@code "~"}) are quoted, so that reading the text back gives the
 * same tree (locations aside).
 */
public final class DocWriter {
  private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

  private final TokenStreamFactory yaml = YAMLFactory.builder()
      .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
      .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
      .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .stringQuotingChecker(new CoreSchemaQuoting())
      .build();
  private final TokenStreamFactory json = JsonFactory.builder().build();

  /** One document as YAML. */
  public String toYaml(DocNode document) {
    return write(yaml, List.of(document));
  }

  /** Several documents as one YAML stream, separated by {@code ---}. */
  public String toYaml(List<DocNode> documents) {
    return write(yaml, documents);
  }

  public String toJson(DocNode document) {
    return write(json, List.of(document));
  }

  private static String write(TokenStreamFactory factory, List<DocNode> documents) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = factory.createGenerator(ObjectWriteContext.empty(), out)) {
      documents.forEach(d -> node(g, d));
    }
    return out.toString();
  }

  private static void node(JsonGenerator g, DocNode node) {
    switch (node) {
      case DocMap m -> {
        g.writeStartObject();
        for (DocEntry e : m.entries().values()) {
          g.writeName(e.key());
          node(g, e.value());
        }
        g.writeEndObject();
      }
      case DocList l -> {
        g.writeStartArray();
        l.items().forEach(i -> node(g, i));
        g.writeEndArray();
      }
      case DocScalar s -> scalar(g, s);
    }
  }

  private static void scalar(JsonGenerator g, DocScalar s) {
    switch (s.kind()) {
      case STRING -> g.writeString(s.text());
      case INT -> g.writeNumber(s.canonical());
      case FLOAT -> {
        if (JSON_NUMBER.matcher(s.text()).matches()) {
          g.writeNumber(s.text());
        } else {
          g.writeString(s.text()); // .inf and .nan have no JSON form
        }
      }
      case BOOL -> g.writeBoolean(Boolean.parseBoolean(s.canonical()));
      case NULL -> g.writeNull();
    }
  }

  /** Jackson's default quoting plus every plain scalar the core schema resolves to a non-string. */
  private static final class CoreSchemaQuoting extends StringQuotingChecker.Default {
    private static final Pattern NON_STRING = Pattern.compile(
        "null|Null|NULL|~|true|True|TRUE|false|False|FALSE"
            + "|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"
            + "|[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?"
            + "|[-+]?\\.(inf|Inf|INF)|\\.nan|\\.NaN|\\.NAN");

    @Override
    public boolean needToQuoteValue(String value) {
      return super.needToQuoteValue(value) || NON_STRING.matcher(value).matches();
    }

    @Override
    public boolean needToQuoteName(String name) {
      return super.needToQuoteName(name) || NON_STRING.matcher(name).matches();
    }
  }
}
