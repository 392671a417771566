package dev.weft.policy;

import dev.weft.model.testing.GoldenFiles;
import java.nio.file.Path;

/** Test resources and golden files of the policy module (see {@link GoldenFiles} for regeneration). */
public final class Golden {
  private Golden() {}

  public static void check(String name, String actual) {
    GoldenFiles.assertMatches(name, actual);
  }

  public static Path resource(String relative) {
    return Path.of("src/test/resources").resolve(relative);
  }
}
