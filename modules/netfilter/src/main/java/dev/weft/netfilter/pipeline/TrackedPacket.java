package dev.weft.netfilter.pipeline;

import dev.weft.netfilter.eval.PacketContext;
import java.util.Optional;

/**
 * A packet between hooks of one namespace, with its conntrack association (the kernel's skb->_nfct): the
 * connection, whether the packet travels in its reply direction, and whether the connection is already
 * confirmed (false only for a connection's first packet). Pass the returned value to the next hook.
 */
public record TrackedPacket(PacketContext context, Optional<Track> track) {

  public record Track(Connection connection, boolean reply, boolean confirmed) {}

  /** A packet entering the namespace (before PREROUTING or OUTPUT), not yet looked up in conntrack. */
  public static TrackedPacket fresh(PacketContext context) {
    return new TrackedPacket(context, Optional.empty());
  }

  public TrackedPacket withContext(PacketContext newContext) {
    return new TrackedPacket(newContext, track);
  }

  /** The same packet with the interfaces known at the next hook. */
  public TrackedPacket withInterfaces(Optional<String> in, Optional<String> out) {
    return new TrackedPacket(context.withInterfaces(in, out), track);
  }

  /** True for the first packet of a connection: the only one the nat table sees. */
  public boolean isFirst() {
    return track.map(t -> !t.confirmed()).orElse(true);
  }
}
