package dev.weft.netfilter.render;

import dev.weft.model.netfilter.Match;
import dev.weft.model.value.PortRange;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.stream.Collectors;

/** Numbers as iptables-save prints them. */
final class PortText {
  private PortText() {}

  /** {@code 80} or {@code 1000:2000}. */
  static String range(PortRange r) {
    return r.isSingle() ? Integer.toString(r.first()) : r.first() + ":" + r.last();
  }

  static String list(java.util.List<PortRange> ranges) {
    return ranges.stream().map(PortText::range).collect(Collectors.joining(","));
  }

  /** {@code %.11f} of threshold / 2^31, rounded half-even on the exact value as glibc's printf does. */
  static String probability(Match.Random r) {
    return new BigDecimal(r.threshold()).divide(new BigDecimal(Match.Random.SCALE))
        .setScale(11, RoundingMode.HALF_EVEN).toPlainString();
  }
}
