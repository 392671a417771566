package dev.weft.document;

/**
 * A position in a source file: 1-based line and column. Line 0 stands for the file as a whole (for
 * problems such as an unreadable file), and is printed without a position.
 */
public record Location(String file, int line, int column) implements Comparable<Location> {

  public Location {
    if (line < 0 || column < 0 || (line == 0) != (column == 0)) {
      throw new IllegalArgumentException("bad location " + file + ":" + line + ":" + column);
    }
  }

  /** The whole file, with no position inside it. */
  public static Location ofFile(String file) {
    return new Location(file, 0, 0);
  }

  public boolean hasPosition() {
    return line > 0;
  }

  @Override
  public int compareTo(Location o) {
    int c = file.compareTo(o.file);
    if (c == 0) {
      c = Integer.compare(line, o.line);
    }
    return c != 0 ? c : Integer.compare(column, o.column);
  }

  /** {@code file:line:column}, or just {@code file} without a position. */
  @Override
  public String toString() {
    return hasPosition() ? file + ":" + line + ":" + column : file;
  }
}
