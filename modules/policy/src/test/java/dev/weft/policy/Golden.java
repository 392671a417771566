package dev.weft.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/golden}. Regenerate them all with
 * {@code ./mvnw -pl modules/policy test -Dweft.updateGolden=true} and review the diff.
 */
public final class Golden {
  private static final Path DIR = Path.of("src/test/resources/golden");

  private Golden() {}

  public static void check(String name, String actual) {
    Path file = DIR.resolve(name);
    try {
      if (Boolean.getBoolean("weft.updateGolden")) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
        return;
      }
      assertThat(Files.exists(file)).as("golden file %s is missing: run with -Dweft.updateGolden=true", file).isTrue();
      assertThat(actual).as("golden file %s (regenerate with -Dweft.updateGolden=true)", file).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Path resource(String relative) {
    return Path.of("src/test/resources").resolve(relative);
  }
}
