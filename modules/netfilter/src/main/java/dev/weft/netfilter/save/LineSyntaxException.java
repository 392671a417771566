package dev.weft.netfilter.save;

/** One error on the current line; the parser records it with the line number and moves on. */
final class LineSyntaxException extends RuntimeException {
  private final int column;
  private final String expected;

  LineSyntaxException(Token at, String message, String expected) {
    this(at.column(), message, expected);
  }

  LineSyntaxException(int column, String message, String expected) {
    super(message, null, false, false);
    this.column = column;
    this.expected = expected;
  }

  int column() {
    return column;
  }

  String expected() {
    return expected;
  }
}
