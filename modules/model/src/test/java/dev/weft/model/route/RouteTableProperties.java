package dev.weft.model.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.value.Cidr;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.ValueArbitraries;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The hashed LPM table agrees with a naive scan over every route. */
class RouteTableProperties {

  @Provide
  Arbitrary<List<Route>> routes() {
    Arbitrary<Route> route = ValueArbitraries.cidrs()
        .map(c -> Cidr.containing(c.network(), c.prefixLength() % (c.family().bits() == 32 ? 33 : 129)))
        .flatMap(c -> Arbitraries.integers().between(0, 3).map(m ->
            new Route(c, Optional.empty(), InterfaceName.of("eth" + m), RouteOrigin.STATIC, m, false)));
    return route.list().ofMaxSize(40);
  }

  @Provide
  Arbitrary<IpAddress> addresses() {
    return ValueArbitraries.ipAddresses();
  }

  @Property(tries = 500)
  void lookupIsLongestPrefixThenLowestMetric(@ForAll("routes") List<Route> routes, @ForAll("addresses") IpAddress probe) {
    // probe both a random address and addresses inside each route, so matches are common
    RouteTable table = new RouteTable(routes);
    assertThat(table.lookup(probe)).isEqualTo(naive(routes, probe));
    for (Route r : routes) {
      IpAddress inside = r.destination().last();
      assertThat(table.lookup(inside)).isEqualTo(naive(routes, inside));
    }
  }

  private static Optional<Route> naive(List<Route> routes, IpAddress a) {
    return routes.stream()
        .filter(r -> r.destination().contains(a))
        .min(Comparator.<Route>comparingInt(r -> -r.destination().prefixLength())
            .thenComparingInt(Route::metric)
            .thenComparing(r -> r.origin() != RouteOrigin.CONNECTED));
  }
}
