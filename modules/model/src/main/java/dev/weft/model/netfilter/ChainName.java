package dev.weft.model.netfilter;

import dev.weft.model.value.InvalidValueException;
import java.util.Optional;
import java.util.Set;

/**
 * The name of an iptables chain: 1 to 28 printable characters (XT_EXTENSION_MAXNAMELEN − 1, as
 * iptables-restore enforces), no whitespace or quotes, not starting with '-' or '!', and not one of the
 * standard verdict names.
 */
public record ChainName(String value) implements Comparable<ChainName> {
  public static final int MAX_LENGTH = 28;
  private static final Set<String> VERDICTS = Set.of("ACCEPT", "DROP", "QUEUE", "RETURN");
  private static final String EXPECTED =
      "1 to 28 printable characters without whitespace or quotes, not starting with '-' or '!', "
          + "and not ACCEPT, DROP, QUEUE or RETURN";

  public ChainName {
    boolean ok = !value.isEmpty() && value.length() <= MAX_LENGTH && value.charAt(0) != '-'
        && value.charAt(0) != '!' && !VERDICTS.contains(value);
    for (int i = 0; ok && i < value.length(); i++) {
      char c = value.charAt(i);
      ok = c > ' ' && c < 127 && c != '"' && c != '\'' && c != '\\';
    }
    if (!ok) {
      throw new InvalidValueException("chain name", value, EXPECTED);
    }
  }

  public static ChainName of(String value) {
    return new ChainName(value);
  }

  /** The hook whose built-in chain has this name, if any (the table decides whether it exists there). */
  public Optional<Hook> builtinHook() {
    for (Hook h : Hook.values()) {
      if (h.name().equals(value)) {
        return Optional.of(h);
      }
    }
    return Optional.empty();
  }

  @Override
  public int compareTo(ChainName other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
