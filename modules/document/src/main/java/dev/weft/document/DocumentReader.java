package dev.weft.document;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLReadFeature;
import tools.jackson.dataformat.yaml.YAMLSchema;

/**
 * Parses YAML (multi-document) and JSON text into located {@link DocNode} trees.
 *
 * <p>Design: Jackson's streaming parser supplies tokens with positions; {@link TreeBuilder} turns them
 * into nodes, recording the location of every node and every map key (Jackson's own tree model keeps
 * neither). YAML scalars resolve by the YAML 1.2 core schema, so {@code yes} is a string and {@code ~}
 * is null. Nothing here throws on bad input: syntax errors, duplicate keys and unknown aliases become
 * diagnostics, and the documents completed before a syntax error are still returned. Cost is linear in
 * the input. Instances are immutable and may be shared.
 */
public final class DocumentReader {
  // YAML 1.2 core: a leading zero is not octal (that is 0o17), so 08 is 8 and 0777 is 777; Jackson's
  // 1.1-style octal reading would reject 08 outright
  private final TokenStreamFactory yaml = YAMLFactory.builder().yamlSchema(YAMLSchema.CORE)
      .disable(YAMLReadFeature.PARSE_OCTAL_NUMBERS).build();
  private final TokenStreamFactory json = JsonFactory.builder().build();

  /** Reads a file as UTF-8 in the format its name suggests; unreadable files become a diagnostic. */
  public List<DocNode> read(Path file, Diagnostics diagnostics) {
    String name = file.toString();
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    } catch (CharacterCodingException e) {
      diagnostics.error(DocumentProblem.UNREADABLE, Origin.ofFile(name), "the file is not valid UTF-8", "UTF-8 text");
      return List.of();
    } catch (IOException | SecurityException e) {
      diagnostics.error(DocumentProblem.UNREADABLE, Origin.ofFile(name), "cannot read the file: " + describe(e),
          "a readable file");
      return List.of();
    }
    return parse(name, text, DocumentFormat.forFileName(name), diagnostics);
  }

  /** Parses {@code text}, naming it {@code file} in locations. */
  public List<DocNode> parse(String file, String text, DocumentFormat format, Diagnostics diagnostics) {
    TokenStreamFactory factory = format == DocumentFormat.JSON ? json : yaml;
    try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), text)) {
      return new TreeBuilder(parser, file, diagnostics).documents();
    }
  }

  public List<DocNode> parseYaml(String file, String text, Diagnostics diagnostics) {
    return parse(file, text, DocumentFormat.YAML, diagnostics);
  }

  public List<DocNode> parseJson(String file, String text, Diagnostics diagnostics) {
    return parse(file, text, DocumentFormat.JSON, diagnostics);
  }

  private static String describe(Exception e) {
    return switch (e) {
      case NoSuchFileException n -> "no such file";
      case AccessDeniedException a -> "permission denied";
      default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    };
  }
}
