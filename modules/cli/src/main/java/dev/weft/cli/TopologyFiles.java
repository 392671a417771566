package dev.weft.cli;

import dev.weft.document.Diagnostic;
import dev.weft.model.NetworkModel;
import dev.weft.topology.TopologyLoad;
import dev.weft.topology.TopologyLoader;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Loads topology files for commands: warnings go to stderr, errors become {@link InvalidInputException}. */
public final class TopologyFiles {
  private final TopologyLoader loader;

  public TopologyFiles(TopologyLoader loader) {
    this.loader = loader;
  }

  public TopologyFiles() {
    this(new TopologyLoader());
  }

  /** The model of {@code file}; prints its warnings to {@code err}. */
  public NetworkModel load(Path file, PrintWriter err) {
    return accept(loader.load(file), err);
  }

  /** A topology shipped inside the CLI jar under {@code topologies/}, for {@code weft demo}. */
  public NetworkModel loadBundled(String fileName, PrintWriter err) {
    String resource = "topologies/" + fileName;
    return accept(loader.load(resource, BundledResources.text(resource)), err);
  }

  /** The raw result, for commands such as {@code check} that report instead of failing. */
  public TopologyLoad check(Path file) {
    return loader.load(file);
  }

  private static NetworkModel accept(TopologyLoad load, PrintWriter err) {
    return switch (load) {
      case TopologyLoad.Loaded loaded -> {
        loaded.warnings().forEach(w -> err.println(w.format()));
        err.flush();
        yield loaded.model();
      }
      case TopologyLoad.Invalid invalid ->
          throw new InvalidInputException(invalid.diagnostics().stream().map(Diagnostic::format).toList());
    };
  }
}
