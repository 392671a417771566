package dev.weft.netfilter.save;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits a line the way iptables-restore does (xshared.c add_param_to_argv): words are separated by
 * spaces and tabs; a double quote opens and closes a quoted part that may hold spaces; inside quotes a
 * backslash takes the next character literally. Outside quotes a backslash is an ordinary character.
 * iptables-save writes comments in exactly this form.
 */
public final class SaveTokenizer {
  private SaveTokenizer() {}

  /** The words of {@code line}, or the column of an unterminated quote. */
  public static Result tokenize(String line) {
    List<Token> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    boolean escaped = false;
    boolean inWord = false;
    int start = 0;
    int quoteColumn = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (escaped) {
          word.append(c);
          escaped = false;
        } else if (c == '\\') {
          escaped = true;
        } else if (c == '"') {
          quoted = false;
        } else {
          word.append(c);
        }
        continue;
      }
      if (c == ' ' || c == '\t') {
        if (inWord) {
          out.add(new Token(word.toString(), start + 1));
          word.setLength(0);
          inWord = false;
        }
        continue;
      }
      if (!inWord) {
        inWord = true;
        start = i;
      }
      if (c == '"') {
        quoted = true;
        quoteColumn = i + 1;
      } else {
        word.append(c);
      }
    }
    if (quoted) {
      return new Result(List.copyOf(out), Optional.of(quoteColumn));
    }
    if (inWord) {
      out.add(new Token(word.toString(), start + 1));
    }
    return new Result(List.copyOf(out), Optional.empty());
  }

  /** The tokens, and the column of a quote that was never closed. */
  public record Result(List<Token> tokens, Optional<Integer> unterminatedQuoteAt) {}
}
