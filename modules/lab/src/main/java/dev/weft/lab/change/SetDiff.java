package dev.weft.lab.change;

import dev.weft.lab.kernel.NamespaceState;
import dev.weft.linux.netns.NetnsName;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Addresses, routes, neighbours and FDB entries: delete what is extra, then add what is missing. */
final class SetDiff {
  private SetDiff() {}

  static void addresses(NetnsName ns, NamespaceState want, NamespaceState have, List<Change> out) {
    diff(want.addresses(), have.addresses(),
        a -> new Change.DeleteAddress(ns, a), a -> new Change.AddAddress(ns, a), out);
  }

  static void routes(NetnsName ns, NamespaceState want, NamespaceState have, List<Change> out) {
    diff(want.routes(), have.routes(),
        r -> new Change.DeleteRoute(ns, r), r -> new Change.AddRoute(ns, r), out);
  }

  static void neighbours(NetnsName ns, NamespaceState want, NamespaceState have, List<Change> out) {
    diff(want.neighbours(), have.neighbours(),
        n -> new Change.DeleteNeighbour(ns, n), n -> new Change.AddNeighbour(ns, n), out);
  }

  static void fdb(NetnsName ns, NamespaceState want, NamespaceState have, List<Change> out) {
    diff(want.fdb(), have.fdb(), f -> new Change.DeleteFdb(ns, f), f -> new Change.AddFdb(ns, f), out);
  }

  private static <T> void diff(Set<T> want, Set<T> present, Function<T, Change> delete, Function<T, Change> add,
      List<Change> out) {
    present.stream().filter(x -> !want.contains(x)).map(delete).forEach(out::add);
    want.stream().filter(x -> !present.contains(x)).map(add).forEach(out::add);
  }
}
