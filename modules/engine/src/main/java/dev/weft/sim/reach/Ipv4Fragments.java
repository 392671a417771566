package dev.weft.sim.reach;

/** Fragment sizes, as {@link dev.weft.engine.packet.Fragmenter} cuts them. */
final class Ipv4Fragments {
  private Ipv4Fragments() {}

  /** The size of the largest fragment of a packet fragmented for {@code mtu}. */
  static int largest(int mtu) {
    return 20 + ((mtu - 20) & ~7);
  }
}
