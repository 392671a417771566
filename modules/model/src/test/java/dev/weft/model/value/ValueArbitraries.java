package dev.weft.model.value;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of valid values, shared by the property tests of every module (test-jar). */
public final class ValueArbitraries {
  private ValueArbitraries() {}

  public static Arbitrary<IpAddress> ipv4() {
    return Arbitraries.integers().between(Integer.MIN_VALUE, Integer.MAX_VALUE).map(IpAddress::ipv4)
        .edgeCases(c -> c.add(IpAddress.ipv4(0), IpAddress.ipv4(-1)));
  }

  public static Arbitrary<IpAddress> ipv6() {
    Arbitrary<Long> halves = Arbitraries.oneOf(
        Arbitraries.longs(), Arbitraries.just(0L), Arbitraries.longs().between(0, 0xffff));
    return Combinators.combine(halves, halves).as(IpAddress::ipv6);
  }

  public static Arbitrary<IpAddress> ipAddresses() {
    return Arbitraries.oneOf(ipv4(), ipv6());
  }

  public static Arbitrary<Cidr> cidrs() {
    return ipAddresses().flatMap(a -> Arbitraries.integers().between(0, a.family().bits())
        .map(len -> Cidr.containing(a, len)));
  }

  public static Arbitrary<InterfaceAddress> interfaceAddresses() {
    return ipAddresses().flatMap(a -> Arbitraries.integers().between(0, a.family().bits())
        .map(len -> new InterfaceAddress(a, len)));
  }

  public static Arbitrary<Mac> macs() {
    return Arbitraries.longs().between(0, 0xffff_ffff_ffffL).map(Mac::new);
  }

  public static Arbitrary<Vni> vnis() {
    return Arbitraries.integers().between(0, Vni.MAX).map(Vni::new);
  }

  public static Arbitrary<Mtu> mtus() {
    return Arbitraries.integers().between(Mtu.MIN, Mtu.MAX).map(Mtu::new);
  }

  public static Arbitrary<PortRange> portRanges() {
    return Arbitraries.integers().between(0, PortRange.MAX_PORT).flatMap(a ->
        Arbitraries.integers().between(a, PortRange.MAX_PORT).map(b -> new PortRange(a, b)));
  }

  public static Arbitrary<InterfaceName> interfaceNames() {
    return Arbitraries.strings().withCharRange('!', '~').excludeChars('/', ':').ofMinLength(1).ofMaxLength(15)
        .filter(s -> !s.equals(".") && !s.equals("..")).map(InterfaceName::new);
  }

  public static Arbitrary<Name> names() {
    return Combinators.combine(
            Arbitraries.strings().alpha().numeric().ofLength(1),
            Arbitraries.strings().alpha().numeric().withChars('-', '_', '.').ofMaxLength(62))
        .as((a, b) -> new Name(a + b));
  }
}
