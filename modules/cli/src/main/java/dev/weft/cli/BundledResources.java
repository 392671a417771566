package dev.weft.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Text files shipped inside the CLI jar (the demo's topology, cluster and assertions). */
final class BundledResources {
  private BundledResources() {}

  /** The resource's text; a missing one is a packaging bug in weft (exit 1), not the user's mistake. */
  static String text(String resource) {
    try (InputStream in = BundledResources.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("resource missing from the jar: " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled resource " + resource, e);
    }
  }
}
