package dev.weft.model.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files of every module: output is compared with {@code src/test/resources/golden/NAME} of the
 * module under test. Regenerate them all after an intended change with
 * {@code ./mvnw verify -Dweft.updateGolden=true} (or {@code -pl modules/X test -Dweft.updateGolden=true})
 * and review the diff in git.
 */
public final class GoldenFiles {
  /** The switch that rewrites golden files instead of comparing. */
  public static final String UPDATE_PROPERTY = "weft.updateGolden";
  private static final Path DIR = Path.of("src/test/resources/golden");

  private GoldenFiles() {}

  public static void assertMatches(String name, String actual) {
    Path file = DIR.resolve(name);
    try {
      if (Boolean.getBoolean(UPDATE_PROPERTY)) {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
        return;
      }
      assertThat(file).as("golden file %s is missing: create it with -D%s=true", file, UPDATE_PROPERTY).exists();
      assertThat(actual).as("output differs from golden file %s; if the change is intended, rerun with -D%s=true "
          + "and review the diff", file, UPDATE_PROPERTY).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
