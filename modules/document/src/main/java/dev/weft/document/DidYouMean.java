package dev.weft.document;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Suggests the known word a misspelt one was probably meant to be. Distance is Damerau–Levenshtein
 * (insertions, deletions, substitutions and transpositions of adjacent letters each cost one), compared
 * case-insensitively; it is a true metric, so a word one edit from a candidate is never closer to another
 * candidate that is three or more edits away. Longer words tolerate more edits.
 */
public final class DidYouMean {
  private DidYouMean() {}

  /** The closest candidate within the tolerance for {@code input}'s length; ties go to the earliest. */
  public static Optional<String> suggest(String input, Iterable<String> candidates) {
    String in = input.toLowerCase(Locale.ROOT);
    int limit = tolerance(in.length());
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(in, c.toLowerCase(Locale.ROOT));
      if (d <= limit && d < bestDistance && !c.equals(input)) {
        best = c;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The hint text for a suggestion: {@code did you mean 'namespaces'?}. */
  public static Optional<String> hint(String input, Iterable<String> candidates) {
    return suggest(input, candidates).map(s -> "did you mean '" + s + "'?");
  }

  static int tolerance(int length) {
    return length <= 4 ? 1 : length <= 8 ? 2 : 3;
  }

  /** Unrestricted Damerau–Levenshtein distance (Lowrance–Wagner), O(|a|·|b|). */
  public static int distance(String a, String b) {
    int n = a.length();
    int m = b.length();
    int max = n + m;
    int[][] d = new int[n + 2][m + 2];
    d[0][0] = max;
    for (int i = 0; i <= n; i++) {
      d[i + 1][0] = max;
      d[i + 1][1] = i;
    }
    for (int j = 0; j <= m; j++) {
      d[0][j + 1] = max;
      d[1][j + 1] = j;
    }
    Map<Character, Integer> lastRow = new HashMap<>();
    for (int i = 1; i <= n; i++) {
      int lastMatchColumn = 0;
      for (int j = 1; j <= m; j++) {
        int k = lastRow.getOrDefault(b.charAt(j - 1), 0);
        int l = lastMatchColumn;
        int cost = 1;
        if (a.charAt(i - 1) == b.charAt(j - 1)) {
          cost = 0;
          lastMatchColumn = j;
        }
        d[i + 1][j + 1] = Math.min(
            Math.min(d[i][j] + cost, d[i + 1][j] + 1),
            Math.min(d[i][j + 1] + 1, d[k][l] + (i - k - 1) + 1 + (j - l - 1)));
      }
      lastRow.put(a.charAt(i - 1), i);
    }
    return d[n + 1][m + 1];
  }
}
