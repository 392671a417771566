package dev.weft.topology.convert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.value.Cidr;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.ValueArbitraries;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class AddressPoolProperties {

  /** Small subnets of both families, so that exhaustion is reached. */
  @Provide
  Arbitrary<Cidr> smallSubnets() {
    return Arbitraries.oneOf(
        ValueArbitraries.ipv4().flatMap(a -> Arbitraries.integers().between(24, 32).map(len -> Cidr.containing(a, len))),
        ValueArbitraries.ipv6().flatMap(a -> Arbitraries.integers().between(120, 128).map(len -> Cidr.containing(a, len))));
  }

  @Property(tries = 300)
  void handsOutEveryUsableAddressOnceThenStops(@ForAll("smallSubnets") Cidr subnet, @ForAll("offsets") List<Integer> reserved) {
    AddressPool pool = new AddressPool();
    Set<IpAddress> taken = new HashSet<>();
    for (int offset : reserved) {
      subnet.addressAt(offset).ifPresent(a -> {
        pool.reserve(a);
        taken.add(a);
      });
    }
    List<IpAddress> got = new ArrayList<>();
    for (Optional<IpAddress> next = pool.next(subnet); next.isPresent(); next = pool.next(subnet)) {
      got.add(next.get());
    }
    assertThat(pool.next(subnet)).isEmpty();
    assertThat(got).doesNotHaveDuplicates().allSatisfy(a -> {
      assertThat(subnet.contains(a)).isTrue();
      assertThat(taken).doesNotContain(a);
      assertThat(a).isNotEqualTo(subnet.first());
    });
    assertThat(got).isSortedAccordingTo(IpAddress::compareTo);
    boolean broadcast = subnet.family().bits() == 32 && subnet.prefixLength() < 31;
    Set<IpAddress> usable = new HashSet<>();
    for (BigInteger i = BigInteger.ONE; i.compareTo(subnet.size()) < 0; i = i.add(BigInteger.ONE)) {
      IpAddress a = subnet.addressAt(i).orElseThrow();
      if (!(broadcast && a.equals(subnet.last())) && !taken.contains(a)) {
        usable.add(a);
      }
    }
    assertThat(new HashSet<>(got)).isEqualTo(usable);
  }

  @Provide
  Arbitrary<List<Integer>> offsets() {
    return Arbitraries.integers().between(0, 255).list().ofMaxSize(20);
  }

  @Test
  void subnetsSharedAcrossCallersContinueWhereTheyStopped() {
    AddressPool pool = new AddressPool();
    Cidr subnet = Cidr.parse("10.10.0.0/24");
    pool.reserve(IpAddress.parse("10.10.0.1"));
    pool.reserve(IpAddress.parse("10.10.0.254"));
    assertThat(pool.next(subnet)).contains(IpAddress.parse("10.10.0.2"));
    assertThat(pool.next(Cidr.parse("10.20.0.0/24"))).contains(IpAddress.parse("10.20.0.1"));
    assertThat(pool.next(subnet)).contains(IpAddress.parse("10.10.0.3"));
  }
}
