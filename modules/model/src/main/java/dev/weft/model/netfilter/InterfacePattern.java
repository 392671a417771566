package dev.weft.model.netfilter;

import dev.weft.model.value.InvalidValueException;
import java.util.Optional;

/**
 * The argument of {@code -i}/{@code -o} (and physdev's): an interface name, or a prefix followed by
 * {@code +} that matches every name starting with it. A lone {@code +} matches every packet, even one
 * with no interface at this hook, as the kernel's zero-length mask does.
 */
public record InterfacePattern(String text) {
  public static final int MAX_LENGTH = 15;

  public InterfacePattern {
    boolean ok = !text.isEmpty() && text.length() <= MAX_LENGTH;
    for (int i = 0; ok && i < text.length(); i++) {
      char c = text.charAt(i);
      ok = c > ' ' && c < 127 && c != '"' && c != '\'' && c != '\\' && (c != '+' || i == text.length() - 1);
    }
    if (!ok) {
      throw new InvalidValueException("interface pattern", text,
          "an interface name of at most 15 characters, optionally ending in '+' as a wildcard");
    }
  }

  public static InterfacePattern of(String text) {
    return new InterfacePattern(text);
  }

  public boolean isWildcard() {
    return text.endsWith("+");
  }

  /** Everything before the {@code +}, or the whole name. */
  public String prefix() {
    return isWildcard() ? text.substring(0, text.length() - 1) : text;
  }

  /** Whether a packet on {@code device} (empty: no interface at this hook) matches. */
  public boolean matches(Optional<String> device) {
    String name = device.orElse("");
    return isWildcard() ? name.startsWith(prefix()) : name.equals(text);
  }

  @Override
  public String toString() {
    return text;
  }
}
