package dev.weft.lab;

import java.nio.file.Path;

/** Which lab {@code weft destroy} means: one named with {@code --lab}, or the one deployed from a file. */
public sealed interface LabSelector {
  record ByName(LabName lab) implements LabSelector {}

  /** The lab whose record names this file; if none does, the default lab of the topology in it. */
  record ByFile(Path file) implements LabSelector {}
}
