package dev.weft.engine.l2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.InterfaceRef;
import dev.weft.model.value.Mac;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class ForwardingDatabaseProperties {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final InterfaceRef P1 = InterfaceRef.of("h", "p1");
  private static final InterfaceRef P2 = InterfaceRef.of("h", "p2");

  @Property
  void anEntryLivesExactlyAsLongAsTheAgeingTime(@ForAll @IntRange(min = 0, max = 600) int ageing,
      @ForAll @IntRange(min = 0, max = 1200) int later, @ForAll @LongRange(min = 0, max = 0xffff_ffff_ffffL) long mac) {
    Mac m = new Mac(mac & ~(1L << 40));
    ForwardingDatabase fdb = new ForwardingDatabase(Duration.ofSeconds(ageing));
    assertThat(fdb.learn(m, P1, T0)).isTrue();
    boolean alive = later < ageing;
    assertThat(fdb.lookup(m, T0.plusSeconds(later)).isPresent()).isEqualTo(alive);
  }

  @Property
  void theLastPortSeenWinsAndRefreshesTheEntry(@ForAll @IntRange(min = 1, max = 300) int ageing,
      @ForAll @IntRange(min = 0, max = 299) int move) {
    Mac m = Mac.parse("02:00:00:00:00:01");
    ForwardingDatabase fdb = new ForwardingDatabase(Duration.ofSeconds(ageing));
    fdb.learn(m, P1, T0);
    Instant t = T0.plusSeconds(Math.min(move, ageing - 1));
    assertThat(fdb.learn(m, P2, t)).isTrue();
    assertThat(fdb.learn(m, P2, t)).isFalse();
    assertThat(fdb.lookup(m, t.plusSeconds(ageing - 1))).contains(P2);
  }

  @Property
  void permanentEntriesNeverAge(@ForAll @IntRange(min = 0, max = 100_000) int later) {
    Mac m = Mac.parse("02:00:00:00:00:0b");
    ForwardingDatabase fdb = new ForwardingDatabase(Duration.ofSeconds(1));
    fdb.addPermanent(m, P1);
    assertThat(fdb.learn(m, P2, T0)).isFalse();
    assertThat(fdb.lookup(m, T0.plusSeconds(later))).contains(P1);
  }
}
