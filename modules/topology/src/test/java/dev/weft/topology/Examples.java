package dev.weft.topology;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds the repository's topologies/ folder from wherever the tests run. */
final class Examples {
  private Examples() {}

  static Path dir() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("topologies");
      if (Files.isDirectory(candidate) && Files.exists(p.resolve("mvnw"))) {
        return candidate;
      }
    }
    throw new IllegalStateException("no topologies/ folder above " + Path.of("").toAbsolutePath());
  }

  static Path file(String name) {
    return dir().resolve(name);
  }

  static List<Path> all() {
    try (Stream<Path> files = Files.list(dir())) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
