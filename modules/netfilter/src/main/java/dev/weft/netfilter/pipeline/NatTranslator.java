package dev.weft.netfilter.pipeline;

import dev.weft.model.netfilter.NatRange;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.PortRange;
import dev.weft.netfilter.eval.HostFacts;
import dev.weft.netfilter.eval.NatRequest;
import dev.weft.netfilter.eval.PacketContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a NAT target into the endpoints the connection may be translated to. An address range gives one
 * candidate per address (the kernel picks one by hash, so a verifier must consider each); a port is kept
 * when it lies in the target's port range, else the range's first port is used (the kernel searches for
 * a free one, which weft does not model).
 */
final class NatTranslator {
  static final int MAX_ADDRESSES = 64;
  private final HostFacts facts;

  NatTranslator(HostFacts facts) {
    this.facts = facts;
  }

  /** The candidates, or why there are none. */
  sealed interface Choice {
    record Endpoints(List<Endpoint> endpoints) implements Choice {}

    record Impossible(String reason) implements Choice {}
  }

  Choice candidates(NatRequest request, PacketContext ctx) {
    return switch (request) {
      case NatRequest.Dnat d -> range(d.to(), ctx.packet().dst(), ctx.packet().dstPort());
      case NatRequest.Snat s -> range(s.to(), ctx.packet().src(), ctx.packet().srcPort());
      case NatRequest.Masquerade m -> {
        Optional<IpAddress> addr = ctx.out().flatMap(facts::primaryAddress);
        if (addr.isEmpty()) {
          yield new Choice.Impossible("MASQUERADE needs an IPv4 address on the outgoing interface "
              + ctx.out().orElse("(none)"));
        }
        yield new Choice.Endpoints(List.of(new Endpoint(addr.get(), port(m.ports(), ctx.packet().srcPort()))));
      }
    };
  }

  private static Choice range(NatRange to, IpAddress current, int currentPort) {
    int port = port(to.ports(), currentPort);
    if (to.first().isEmpty()) {
      return new Choice.Endpoints(List.of(new Endpoint(current, port)));
    }
    IpAddress first = to.first().get();
    long count = to.last().orElseThrow().toBigInteger().subtract(first.toBigInteger()).longValueExact() + 1;
    if (count > MAX_ADDRESSES) {
      return new Choice.Impossible("NAT range " + to + " has more than " + MAX_ADDRESSES + " addresses");
    }
    List<Endpoint> out = new ArrayList<>();
    for (long i = 0; i < count; i++) {
      out.add(new Endpoint(first.plus(i).orElseThrow(), port));
    }
    return new Choice.Endpoints(out);
  }

  private static int port(Optional<PortRange> range, int current) {
    if (current < 0 || range.isEmpty() || range.get().contains(current)) {
      return current;
    }
    return range.get().first();
  }
}
