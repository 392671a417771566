package dev.weft.topology;

import dev.weft.document.Diagnostics;
import dev.weft.document.DocNode;
import dev.weft.document.DocumentReader;
import dev.weft.document.FieldPath;
import dev.weft.document.Origin;
import dev.weft.model.NetworkModel;
import dev.weft.topology.convert.TopologyConverter;
import dev.weft.topology.parse.TopologyParser;
import dev.weft.topology.spec.TopologySpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Loads a topology file into the network model: YAML text, then the {@link TopologySpec} input model,
 * then the {@link NetworkModel}. Bad input never throws: every problem found comes back in an {@link
 * TopologyLoad.Invalid}, each with file, line, column, field path, message and expectation. Reading stops
 * after a YAML syntax error (nothing after it can be trusted); otherwise all checks run. Immutable and
 * reusable.
 */
public final class TopologyLoader {
  private final DocumentReader reader;
  private final TopologyParser parser;
  private final TopologyConverter converter;

  public TopologyLoader() {
    this(new DocumentReader(), new TopologyParser(), new TopologyConverter());
  }

  public TopologyLoader(DocumentReader reader, TopologyParser parser, TopologyConverter converter) {
    this.reader = reader;
    this.parser = parser;
    this.converter = converter;
  }

  /** Loads a file (YAML; JSON when it ends in .json). */
  public TopologyLoad load(Path file) {
    Diagnostics diagnostics = new Diagnostics();
    List<DocNode> documents = reader.read(file, diagnostics);
    return load(file.toString(), documents, diagnostics);
  }

  /** Loads YAML text, naming it {@code name} in diagnostics (for tests and tools). */
  public TopologyLoad load(String name, String yaml) {
    Diagnostics diagnostics = new Diagnostics();
    List<DocNode> documents = reader.parseYaml(name, yaml, diagnostics);
    return load(name, documents, diagnostics);
  }

  private TopologyLoad load(String name, List<DocNode> documents, Diagnostics diagnostics) {
    if (diagnostics.hasErrors()) {
      return new TopologyLoad.Invalid(diagnostics.sorted());
    }
    if (documents.size() != 1) {
      Origin at = documents.isEmpty() ? Origin.ofFile(name) : new Origin(documents.get(1).location(),
          FieldPath.root());
      diagnostics.error(TopologyProblem.NOT_ONE_DOCUMENT, at, documents.isEmpty() ? "the file holds no topology"
          : "the file holds " + documents.size() + " YAML documents", "exactly one topology document");
      return new TopologyLoad.Invalid(diagnostics.sorted());
    }
    Optional<NetworkModel> model = parser.parse(documents.getFirst(), diagnostics)
        .flatMap(spec -> converter.convert(spec, diagnostics));
    if (model.isEmpty() || diagnostics.hasErrors()) {
      return new TopologyLoad.Invalid(diagnostics.sorted());
    }
    return new TopologyLoad.Loaded(model.get(), diagnostics.sorted());
  }
}
