package dev.weft.netfilter.save;

/** One word of a rule line after quote removal, with the 1-based column where it started. */
public record Token(String text, int column) {
  public boolean is(String... any) {
    for (String a : any) {
      if (text.equals(a)) {
        return true;
      }
    }
    return false;
  }

  public boolean isLongOption() {
    return text.startsWith("--") && text.length() > 2;
  }

  @Override
  public String toString() {
    return text;
  }
}
