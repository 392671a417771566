package dev.weft.engine.message;

/**
 * A user event: resolutions still pending have failed (the kernel gives up after its ARP/NDP retries).
 * A timer fires it on a live device; the simulator fires it once the network has gone quiet.
 */
public enum NeighborTimeout {
  INSTANCE
}
