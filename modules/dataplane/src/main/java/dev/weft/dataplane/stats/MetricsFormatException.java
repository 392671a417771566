package dev.weft.dataplane.stats;

/** The metrics text is not valid exposition format; names the line, the column and what was expected. */
public final class MetricsFormatException extends RuntimeException {
  private final int line;
  private final int column;

  public MetricsFormatException(String source, int line, int column, String found, String expected) {
    super(source + ":" + line + ":" + column + ": " + found + "; expected " + expected);
    this.line = line;
    this.column = column;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }
}
