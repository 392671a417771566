package dev.weft.document;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The path of a field inside a document, written {@code hosts[0].namespaces[2].name}. Keys that are not
 * plain identifiers are quoted: {@code metadata.annotations["kubernetes.io/ingress.class"]}. The root is
 * the empty path. Paths share their parents, so deriving a child costs one small object.
 */
public final class FieldPath {
  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
  private static final FieldPath ROOT = new FieldPath(null, "", -1);

  private final FieldPath parent;
  private final String key;
  private final int index;

  private FieldPath(FieldPath parent, String key, int index) {
    this.parent = parent;
    this.key = key;
    this.index = index;
  }

  public static FieldPath root() {
    return ROOT;
  }

  /** Parses the text form of simple paths, such as {@code hosts[0].name} (for tests and tools). */
  public static FieldPath parse(String text) {
    FieldPath p = ROOT;
    for (String part : text.isEmpty() ? new String[0] : text.split("\\.")) {
      int bracket = part.indexOf('[');
      p = p.key(bracket < 0 ? part : part.substring(0, bracket));
      while (bracket >= 0) {
        int close = part.indexOf(']', bracket);
        p = p.index(Integer.parseInt(part.substring(bracket + 1, close)));
        bracket = part.indexOf('[', close);
      }
    }
    return p;
  }

  public FieldPath key(String name) {
    return new FieldPath(this, name, -1);
  }

  public FieldPath index(int i) {
    if (i < 0) {
      throw new IllegalArgumentException("negative index " + i);
    }
    return new FieldPath(this, "", i);
  }

  public boolean isRoot() {
    return parent == null;
  }

  public Optional<FieldPath> parent() {
    return Optional.ofNullable(parent);
  }

  /** The last map key on this path, if the path ends with one. */
  public Optional<String> lastKey() {
    return isRoot() || index >= 0 ? Optional.empty() : Optional.of(key);
  }

  public boolean startsWith(FieldPath prefix) {
    for (FieldPath p = this; p != null; p = p.parent) {
      if (p.equals(prefix)) {
        return true;
      }
    }
    return false;
  }

  @JsonValue
  @Override
  public String toString() {
    Deque<FieldPath> chain = new ArrayDeque<>();
    for (FieldPath p = this; p.parent != null; p = p.parent) {
      chain.push(p);
    }
    StringBuilder sb = new StringBuilder();
    for (FieldPath p : chain) {
      if (p.index >= 0) {
        sb.append('[').append(p.index).append(']');
      } else if (PLAIN_KEY.matcher(p.key).matches()) {
        if (!sb.isEmpty()) {
          sb.append('.');
        }
        sb.append(p.key);
      } else {
        sb.append("[\"").append(p.key.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"]");
      }
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FieldPath other && index == other.index && key.equals(other.key)
        && Objects.equals(parent, other.parent);
  }

  @Override
  public int hashCode() {
    return Objects.hash(parent, key, index);
  }
}
