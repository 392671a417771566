package dev.weft.cni.protocol.json;

/** Text that is not valid JSON; carries the 1-based line and column of the first problem. */
public final class JsonParseException extends Exception {
  private final int line;
  private final int column;
  private final String problem;

  public JsonParseException(String problem, int line, int column) {
    super("line " + line + ", column " + column + ": " + problem);
    this.problem = problem;
    this.line = line;
    this.column = column;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** What is wrong, without the position. */
  public String problem() {
    return problem;
  }
}
