package dev.weft.document;

/** Where a value came from: its position in the file and its field path in the document. */
public record Origin(Location location, FieldPath path) {

  /** The whole of a file, for problems that have no better place. */
  public static Origin ofFile(String file) {
    return new Origin(Location.ofFile(file), FieldPath.root());
  }

  /** {@code file:line:col: path} (the path is left out at the root). */
  @Override
  public String toString() {
    return path.isRoot() ? location.toString() : location + ": " + path;
  }
}
