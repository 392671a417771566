package dev.weft.engine.l3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.engine.testing.TestPackets;
import dev.weft.model.InterfaceRef;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Name;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A learned neighbour entry's life under any timing of uses and confirmations: usable throughout its
 * reachable time, probed at most once a second once stale, and gone only after probes went unanswered
 * for the probe window, after which it stays gone until learned again.
 */
class NeighborTableProperties {
  private static final Duration LIFETIME = Duration.ofSeconds(60);
  private static final NeighborTable.Key KEY =
      new NeighborTable.Key(new InterfaceRef(Name.of("r1"), InterfaceName.of("eth1")), IpAddress.parse("10.0.2.254"));

  /** After {@code gapMillis}, the entry is confirmed (an ARP/NDP message) or used to send a packet. */
  record Step(int gapMillis, boolean confirm) {}

  @Property(tries = 500)
  void anEntryGoesOnlyAfterItsProbesWentUnansweredForTheWindow(@ForAll("steps") List<Step> steps) {
    NeighborTable table = new NeighborTable(LIFETIME);
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    table.learn(KEY, TestPackets.mac(1), now);
    Instant confirmed = now;
    Optional<Instant> firstProbe = Optional.empty();
    Optional<Instant> lastProbe = Optional.empty();
    boolean gone = false;
    for (Step s : steps) {
      now = now.plusMillis(s.gapMillis());
      if (s.confirm()) {
        table.learn(KEY, TestPackets.mac(1), now);
        confirmed = now;
        firstProbe = Optional.empty();
        lastProbe = Optional.empty();
        gone = false;
        continue;
      }
      Optional<NeighborTable.Neighbor> resolved = table.resolve(KEY, now);
      boolean present = resolved.isPresent();
      if (gone) {
        assertThat(present).as("stays gone until learned again").isFalse();
        continue;
      }
      if (!present) {
        assertThat(firstProbe).as("gone at %s without a probe", now).isPresent();
        assertThat(now).as("gone before the probe window ended").isAfterOrEqualTo(firstProbe.get().plus(NeighborTable.PROBE_WINDOW));
        gone = true;
        continue;
      }
      Instant at = now;
      assertThat(firstProbe.filter(p -> !at.isBefore(p.plus(NeighborTable.PROBE_WINDOW)))).as("kept past the window").isEmpty();
      boolean probe = resolved.get().probe();
      boolean stale = !confirmed.plus(LIFETIME).isAfter(now);
      boolean spaced = lastProbe.map(p -> !at.isBefore(p.plus(NeighborTable.PROBE_INTERVAL))).orElse(true);
      assertThat(probe).as("probe at %s: stale %s, a second since the last %s", now, stale, spaced).isEqualTo(stale && spaced);
      if (probe) {
        firstProbe = firstProbe.or(() -> Optional.of(at));
        lastProbe = Optional.of(at);
      }
    }
  }

  /** The periodic sweep takes only entries unconfirmed for twice the lifetime, and leaves the rest as they were. */
  @Property(tries = 300)
  void theSweepForgetsOnlyLongUnconfirmedEntries(@ForAll("ages") List<Integer> agesSeconds) {
    NeighborTable table = new NeighborTable(LIFETIME);
    Instant now = Instant.parse("2026-01-01T01:00:00Z");
    for (int i = 0; i < agesSeconds.size(); i++) {
      table.learn(key(i), TestPackets.mac(i), now.minusSeconds(agesSeconds.get(i)));
    }
    table.forgetStale(now);
    for (int i = 0; i < agesSeconds.size(); i++) {
      boolean kept = agesSeconds.get(i) < 2 * LIFETIME.toSeconds();
      assertThat(table.resolve(key(i), now).map(NeighborTable.Neighbor::mac))
          .as("entry %d, confirmed %d s ago", i, agesSeconds.get(i))
          .isEqualTo(kept ? Optional.of(TestPackets.mac(i)) : Optional.empty());
    }
  }

  private static NeighborTable.Key key(int i) {
    return new NeighborTable.Key(KEY.device(), IpAddress.parse("10.0." + (i / 250) + "." + (i % 250 + 1)));
  }

  @Provide
  Arbitrary<List<Integer>> ages() {
    return Arbitraries.integers().between(0, 400).list().ofMaxSize(40);
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Integer> gap = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(0, 1500)),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1500, 30_000)));
    Arbitrary<Boolean> confirm = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, Arbitraries.just(true)),
        net.jqwik.api.Tuple.of(12, Arbitraries.just(false)));
    return Combinators.combine(gap, confirm).as(Step::new).list().ofMaxSize(80);
  }
}
