package dev.weft.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DidYouMeanProperties {

  /** One edit: insert, delete, substitute, or swap two adjacent letters. */
  record Edit(int kind, int position, char letter) {
    String apply(String s) {
      int p = position % (s.length() + (kind == 0 ? 1 : 0));
      return switch (kind) {
        case 0 -> s.substring(0, p) + letter + s.substring(p);
        case 1 -> s.substring(0, p) + s.substring(p + 1);
        case 2 -> s.substring(0, p) + letter + s.substring(p + 1);
        default -> p + 1 < s.length() ? s.substring(0, p) + s.charAt(p + 1) + s.charAt(p) + s.substring(p + 2) : s;
      };
    }
  }

  @Property(tries = 500)
  void singleEditTyposSuggestTheirOrigin(@ForAll("vocabularies") List<String> words, @ForAll @IntRange(max = 20) int pick,
      @ForAll("edits") Edit edit) {
    String meant = words.get(pick % words.size());
    String typo = edit.apply(meant);
    Assume.that(!typo.equals(meant));
    assertThat(DidYouMean.distance(typo, meant)).isEqualTo(1);
    assertThat(DidYouMean.suggest(typo, words)).as("%s for %s among %s", typo, meant, words).hasValue(meant);
  }

  @Property
  void distanceIsSymmetricAndZeroOnlyForEqualWords(@ForAll("words") String a, @ForAll("words") String b) {
    assertThat(DidYouMean.distance(a, b)).isEqualTo(DidYouMean.distance(b, a));
    assertThat(DidYouMean.distance(a, b) == 0).isEqualTo(a.equals(b));
    assertThat(DidYouMean.distance(a, b)).isLessThanOrEqualTo(Math.max(a.length(), b.length()));
  }

  @Test
  void examples() {
    List<String> keys = List.of("name", "mode", "interfaces", "routes", "ipForward");
    assertThat(DidYouMean.suggest("interfaecs", keys)).hasValue("interfaces");
    assertThat(DidYouMean.suggest("ipforward", keys)).hasValue("ipForward");
    assertThat(DidYouMean.suggest("nmae", keys)).hasValue("name");
    assertThat(DidYouMean.suggest("addresses", keys)).isEmpty();
    assertThat(DidYouMean.distance("ca", "abc")).isEqualTo(2);
  }

  @Provide
  Arbitrary<String> words() {
    return Arbitraries.strings().withCharRange('a', 'f').ofMaxLength(8);
  }

  @Provide
  Arbitrary<Edit> edits() {
    return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 100),
        Arbitraries.chars().range('a', 'z')).as(Edit::new);
  }

  /** 1 to 8 words, pairwise at least three edits apart, so a one-edit typo is closest to its origin. */
  @Provide
  Arbitrary<List<String>> vocabularies() {
    return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(2).ofMaxLength(12).list().ofMinSize(1).ofMaxSize(8)
        .map(DidYouMeanProperties::spread).filter(l -> !l.isEmpty());
  }

  private static List<String> spread(List<String> words) {
    List<String> kept = new ArrayList<>();
    for (String w : words) {
      if (kept.stream().allMatch(k -> DidYouMean.distance(k, w) >= 3)) {
        kept.add(w);
      }
    }
    return kept;
  }
}
