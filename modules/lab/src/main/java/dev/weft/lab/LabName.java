package dev.weft.lab;

import dev.weft.model.value.InvalidValueException;
import dev.weft.model.value.Name;
import java.util.Locale;

/**
 * A lab's name, which is also the prefix of every namespace it creates ({@code NAME-host1}). A letter
 * then up to 11 lower-case letters or digits: no '-', so the prefix of a namespace name is everything
 * before its first '-' and two labs never claim each other's namespaces; at most 12 bytes, so the
 * prefix plus a short suffix still fits a 15-byte interface name.
 */
public record LabName(String value) implements Comparable<LabName> {
  public static final int MAX_LENGTH = 12;
  private static final String EXPECTED = "a letter followed by up to 11 lower-case letters or digits";

  public LabName {
    if (!value.matches("[a-z][a-z0-9]{0," + (MAX_LENGTH - 1) + "}")) {
      throw new InvalidValueException("lab name", value, EXPECTED);
    }
  }

  public static LabName of(String value) {
    return new LabName(value);
  }

  /** The default prefix for a topology: its name in lower case without other characters, cut to 12. */
  public static LabName defaultFor(Name topology) {
    String kept = topology.value().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    if (kept.isEmpty() || !Character.isLetter(kept.charAt(0))) {
      kept = "w" + kept;
    }
    return new LabName(kept.substring(0, Math.min(MAX_LENGTH, kept.length())));
  }

  @Override
  public int compareTo(LabName other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
