package dev.weft.policy.ports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.value.PortRange;
import dev.weft.policy.model.Protocol;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The port-set algebra agrees with membership, point by point, and its canonical form is unique. */
class PortSetProperties {
  private static final int[] PROBES = {1, 2, 52, 53, 54, 79, 80, 81, 99, 100, 101, 8000, 8080, 9000, 65534, 65535};

  @Provide
  Arbitrary<PortSet> sets() {
    Arbitrary<Integer> port = Arbitraries.oneOf(Arbitraries.of(1, 53, 80, 81, 100, 8000, 9000, 65535), Arbitraries.integers().between(1, 65535));
    Arbitrary<PortSet> one = Combinators.combine(Arbitraries.of(Protocol.class), port, port)
        .as((p, a, b) -> PortSet.of(p, new PortRange(Math.min(a, b), Math.max(a, b))));
    return one.list().ofMaxSize(4).map(l -> l.stream().reduce(PortSet.EMPTY, PortSet::union));
  }

  @Property(tries = 500)
  void operationsAgreeWithMembership(@ForAll("sets") PortSet a, @ForAll("sets") PortSet b) {
    for (Protocol p : Protocol.values()) {
      for (int port : PROBES) {
        boolean x = a.contains(p, port);
        boolean y = b.contains(p, port);
        assertThat(a.union(b).contains(p, port)).isEqualTo(x || y);
        assertThat(a.intersect(b).contains(p, port)).isEqualTo(x && y);
        assertThat(a.subtract(b).contains(p, port)).isEqualTo(x && !y);
        assertThat(a.complement().contains(p, port)).isEqualTo(!x);
      }
    }
  }

  @Property(tries = 300)
  void canonicalFormIsUnique(@ForAll("sets") PortSet a, @ForAll("sets") PortSet b) {
    assertThat(a.union(b)).isEqualTo(b.union(a));
    assertThat(a.intersect(b).union(a.subtract(b))).isEqualTo(a);
    assertThat(a.complement().complement()).isEqualTo(a);
    assertThat(a.containsAll(a.intersect(b))).isTrue();
    for (Protocol p : Protocol.values()) {
      List<PortRange> rs = a.ranges(p);
      for (int i = 1; i < rs.size(); i++) {
        assertThat(rs.get(i).first()).isGreaterThan(rs.get(i - 1).last() + 1);
      }
    }
  }
}
