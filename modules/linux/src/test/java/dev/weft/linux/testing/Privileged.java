package dev.weft.linux.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared rule for privileged tests: skip when not root, unless WEFT_REQUIRE_PRIVILEGED=1, in
 * which case not being root is a failure.
 */
public final class Privileged {
  private Privileged() {}

  public static boolean isRoot() {
    try {
      return Files.readAllLines(Path.of("/proc/self/status")).stream()
          .filter(l -> l.startsWith("Uid:")).findFirst()
          .map(l -> l.split("\\s+")[1].equals("0")).orElse(false);
    } catch (java.io.IOException e) {
      return false;
    }
  }

  public static void require() {
    boolean required = "1".equals(System.getenv("WEFT_REQUIRE_PRIVILEGED"));
    if (!isRoot()) {
      if (required) {
        Assertions.fail("WEFT_REQUIRE_PRIVILEGED=1 but the tests do not run as root");
      }
      Assumptions.abort("needs root (set WEFT_REQUIRE_PRIVILEGED=1 to make this a failure)");
    }
  }
}
