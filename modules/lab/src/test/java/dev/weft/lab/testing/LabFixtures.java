package dev.weft.lab.testing;

import dev.weft.lab.LabName;
import dev.weft.linux.testing.TestNames;
import dev.weft.model.NetworkModel;
import dev.weft.topology.TopologyLoad;
import dev.weft.topology.TopologyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Lab names unique to this test JVM, and the topologies bundled with weft. */
public final class LabFixtures {
  private static final TopologyLoader LOADER = new TopologyLoader();

  private LabFixtures() {}

  /** A lab name that starts with this run's prefix, so the Lab extension's leftover check covers it. */
  public static LabName freshLab() {
    return LabName.of(TestNames.fresh(""));
  }

  public static Path topologies() {
    Path p = Path.of("../../topologies").toAbsolutePath().normalize();
    if (!Files.isDirectory(p)) {
      throw new IllegalStateException("topologies/ not found from " + Path.of("").toAbsolutePath());
    }
    return p;
  }

  public static Path topology(String file) {
    return topologies().resolve(file);
  }

  /** Every bundled topology file, sorted. */
  public static List<Path> allTopologies() {
    try (Stream<Path> s = Files.list(topologies())) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public static NetworkModel load(Path file) {
    return switch (LOADER.load(file)) {
      case TopologyLoad.Loaded l -> l.model();
      case TopologyLoad.Invalid i -> throw new AssertionError("invalid topology " + file + ": " + i.diagnostics());
    };
  }

  public static NetworkModel load(String name, String yaml) {
    return switch (LOADER.load(name, yaml)) {
      case TopologyLoad.Loaded l -> l.model();
      case TopologyLoad.Invalid i -> throw new AssertionError("invalid topology " + name + ": " + i.diagnostics()
          + "\n" + yaml);
    };
  }
}
