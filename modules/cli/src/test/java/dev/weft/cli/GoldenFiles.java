package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares output with {@code src/test/resources/golden/NAME}. With {@code -Dweft.updateGolden=true}
 * the file is rewritten instead, so the diff can be reviewed in git.
 */
final class GoldenFiles {
  private static final Path DIR = Path.of("src/test/resources/golden");

  private GoldenFiles() {}

  static void assertMatches(String name, String actual) {
    Path file = DIR.resolve(name);
    try {
      if (Boolean.getBoolean("weft.updateGolden")) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
        return;
      }
      assertThat(file).as("golden file %s (create it with -Dweft.updateGolden=true)", file).exists();
      assertThat(actual).as("output differs from %s; if intended, rerun with -Dweft.updateGolden=true", file)
          .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
