package dev.weft.netfilter.pipeline;

import java.util.Optional;

/**
 * A tracked connection: its original tuple and the translations set up by its first packet. The reply
 * tuple follows from them: a reply comes from the (translated) destination to the (translated) source.
 */
public record Connection(Tuple original, Optional<Endpoint> dnatTo, Optional<Endpoint> snatTo) {

  public static Connection of(Tuple original) {
    return new Connection(original, Optional.empty(), Optional.empty());
  }

  /** The tuple a reply packet carries. */
  public Tuple reply() {
    Endpoint dst = dnatTo.orElse(new Endpoint(original.dst(), original.dstPort()));
    Endpoint src = snatTo.orElse(new Endpoint(original.src(), original.srcPort()));
    return new Tuple(dst.address(), src.address(), original.protocol(), dst.port(), src.port());
  }

  public Connection withDnat(Endpoint to) {
    return new Connection(original, Optional.of(to), snatTo);
  }

  public Connection withSnat(Endpoint to) {
    return new Connection(original, dnatTo, Optional.of(to));
  }
}
