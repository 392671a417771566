package dev.weft.netfilter.render;

/** How iptables-save quotes words, so that iptables-restore (and our parser) reads them back unchanged. */
final class Quoting {
  private Quoting() {}

  /**
   * xtables_save_string: bare when the text is non-empty and only letters, digits, '_' and '-';
   * otherwise in double quotes with '"', '\' and '\'' escaped by a backslash.
   */
  static String saveString(String text) {
    boolean bare = !text.isEmpty();
    for (int i = 0; bare && i < text.length(); i++) {
      char c = text.charAt(i);
      bare = c == '_' || c == '-' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
    if (bare) {
      return text;
    }
    StringBuilder sb = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\' || c == '\'') {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.append('"').toString();
  }

  /** A word kept from input: quoted only when the restore tokenizer would otherwise split or unquote it. */
  static String word(String text) {
    boolean plain = !text.isEmpty();
    for (int i = 0; plain && i < text.length(); i++) {
      char c = text.charAt(i);
      plain = c != ' ' && c != '\t' && c != '"' && c != '\\' && c != '\'';
    }
    return plain ? text : saveString(text);
  }

  /** An nft string literal; nft has no escapes inside quotes, so a double quote becomes a single one. */
  static String nftString(String text) {
    return '"' + text.replace('"', '\'') + '"';
  }
}
