package dev.weft.netfilter.save;

import java.util.ArrayList;
import java.util.List;

/** One {@code [!] --option [args...]} of a match module or target, as written. */
record OptionGroup(boolean negated, Token option, List<Token> args) {

  String name() {
    return option.text().substring(2);
  }

  /** The tokens as they were written, for keeping an option weft does not interpret. */
  List<String> texts() {
    List<String> out = new ArrayList<>();
    if (negated) {
      out.add("!");
    }
    out.add(option.text());
    args.forEach(a -> out.add(a.text()));
    return out;
  }

  Token arg(int i, String expected) {
    if (args.size() <= i) {
      throw new LineSyntaxException(option, option.text() + " needs a value", expected);
    }
    return args.get(i);
  }

  void requireArgs(int n, String expected) {
    if (args.size() != n) {
      Token at = args.size() > n ? args.get(n) : option;
      throw new LineSyntaxException(at, option.text() + " takes " + (n == 0 ? "no value" : n + " value" + (n > 1 ? "s" : "")),
          expected);
    }
  }

  void requireNotNegated() {
    if (negated) {
      throw new LineSyntaxException(option, option.text() + " cannot be negated", "no '!' before " + option.text());
    }
  }
}
