package dev.weft.ipam.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** Tests that need root skip without it, except under WEFT_REQUIRE_PRIVILEGED=1 (CI), where that fails. */
public final class Privileged {
  private Privileged() {}

  public static void require() {
    boolean root;
    try {
      root = Files.readAllLines(Path.of("/proc/self/status")).stream()
          .anyMatch(l -> l.startsWith("Uid:") && l.split("\\s+")[1].equals("0"));
    } catch (IOException e) {
      root = false;
    }
    if (!root) {
      if ("1".equals(System.getenv("WEFT_REQUIRE_PRIVILEGED"))) {
        Assertions.fail("WEFT_REQUIRE_PRIVILEGED=1 but this test does not run as root");
      }
      Assumptions.abort("needs root");
    }
  }
}
