package dev.weft.ipam.range;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.value.Cidr;
import dev.weft.model.value.IpAddress;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class IpRangeProperties {

  /** capacity() counts exactly the addresses isAllocatable() admits, on small ranges where we can walk. */
  @Property
  void capacityMatchesAWalk(@ForAll @IntRange(min = 23, max = 28) int prefix, @ForAll @IntRange(min = 0, max = 6) int startOff,
      @ForAll @IntRange(min = 0, max = 6) int endTrim, @ForAll @IntRange(min = 0, max = 8) int gwOff, @ForAll boolean v6) {
    Cidr subnet = v6 ? Cidr.parse("fd00:1::/" + (96 + prefix)) : Cidr.parse("10.1.0.0/" + prefix);
    IpAddress start = Addresses.plus(subnet.network(), startOff);
    IpAddress end = subnet.last();
    for (int i = 0; i < endTrim; i++) {
      end = Addresses.previous(end);
    }
    IpRange r = new IpRange(subnet, start, end, Addresses.plus(subnet.network(), gwOff));
    long walked = 0;
    for (IpAddress a = start; ; a = Addresses.next(a)) {
      walked += r.isAllocatable(a) ? 1 : 0;
      if (a.equals(end)) {
        break;
      }
    }
    assertThat(r.capacity()).isEqualTo(walked);
  }

  @Property
  void nextAndPreviousAreInverseAndAgreeWithPlus(@ForAll long high, @ForAll long low, @ForAll @IntRange(max = 1000) int n) {
    IpAddress a = IpAddress.ipv6(high, low);
    assertThat(Addresses.previous(Addresses.next(a))).isEqualTo(a);
    IpAddress stepped = a;
    for (int i = 0; i < n; i++) {
      stepped = Addresses.next(stepped);
    }
    assertThat(Addresses.plus(a, n)).isEqualTo(stepped);
    if (a.compareTo(stepped) <= 0) {
      assertThat(Addresses.distance(a, stepped)).isEqualTo(n);
    }
  }
}
