package dev.weft.lab.change;

import dev.weft.lab.kernel.LinkEnd;
import dev.weft.lab.kernel.LinkKind;
import dev.weft.lab.kernel.LinkState;
import dev.weft.lab.kernel.NamespaceState;
import dev.weft.linux.netns.NetnsName;
import java.util.Map;
import java.util.Optional;

/**
 * Whether an observed veth end is paired with the end the plan wants. The kernel names a veth's peer by
 * its ifindex and, when it lives elsewhere, a netns id local to the asking namespace; weft checks the
 * index both ways and that the peer lives where it should (same namespace or not). A wrong pair whose
 * indexes happen to match both ways is the one miswiring this cannot see.
 */
final class VethPairing {
  private VethPairing() {}

  /** Empty when {@code end} is correctly paired with {@code want}; otherwise why not. */
  static Optional<String> problem(NetnsName ns, LinkState end, LinkEnd want, Map<NetnsName, NamespaceState> observed) {
    Optional<LinkState> far = Optional.ofNullable(observed.get(want.namespace())).map(s -> s.links().get(want.name()));
    if (far.isEmpty() || !(far.get().kind() instanceof LinkKind.Veth farKind)) {
      return Optional.of("its peer " + want + " is missing");
    }
    if (!(end.kind() instanceof LinkKind.Veth nearKind)) {
      return Optional.of("it is not a veth");
    }
    boolean elsewhere = !want.namespace().equals(ns);
    boolean paired = nearKind.peerElsewhere() == elsewhere && farKind.peerElsewhere() == elsewhere
        && nearKind.peerIndex().equals(far.get().index()) && farKind.peerIndex().equals(end.index());
    return paired ? Optional.empty() : Optional.of("it is not paired with " + want);
  }
}
