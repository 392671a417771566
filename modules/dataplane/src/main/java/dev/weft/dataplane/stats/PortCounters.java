package dev.weft.dataplane.stats;

import dev.weft.engine.event.DropReason;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.EnumMap;
import java.util.Map;

/**
 * Packets and bytes in and out of one dataplane port, frames the kernel refused, and the drops of
 * frames that entered the dataplane through this port, by reason.
 *
 * <p>Design note: only the event-loop thread writes, so an increment is a plain read and an opaque write
 * (no lock, no CAS); readers on other threads see each counter move monotonically, which is all a
 * scrape needs.
 */
public final class PortCounters {
  private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(long[].class);
  private static final DropReason[] REASONS = DropReason.values();
  private static final int RX_PACKETS = 0;
  private static final int RX_BYTES = 1;
  private static final int TX_PACKETS = 2;
  private static final int TX_BYTES = 3;
  private static final int ERRORS = 4;
  private static final int DROPS = 5;

  private final String port;
  private final String kind;
  private final long[] slots = new long[DROPS + REASONS.length];

  /**
   * @param port a stable name, e.g. {@code web-1:eth0} or {@code vxlan/192.168.0.2:4789}
   * @param kind {@code tap}, {@code underlay} or {@code internal}
   */
  public PortCounters(String port, String kind) {
    this.port = port;
    this.kind = kind;
  }

  public String port() {
    return port;
  }

  public String kind() {
    return kind;
  }

  public void received(int bytes) {
    add(RX_PACKETS, 1);
    add(RX_BYTES, bytes);
  }

  public void sent(int bytes) {
    add(TX_PACKETS, 1);
    add(TX_BYTES, bytes);
  }

  /** Sent as one write that carries {@code packets} packets (segmentation offload). */
  public void sent(int packets, long bytes) {
    add(TX_PACKETS, packets);
    add(TX_BYTES, bytes);
  }

  /** A frame the port could not send or receive (the kernel refused it). */
  public void error() {
    add(ERRORS, 1);
  }

  /** A frame that entered here was dropped inside the dataplane. */
  public void dropped(DropReason reason) {
    add(DROPS + reason.ordinal(), 1);
  }

  public long drops(DropReason reason) {
    return get(DROPS + reason.ordinal());
  }

  private void add(int slot, long delta) {
    SLOTS.setOpaque(slots, slot, (long) SLOTS.getOpaque(slots, slot) + delta);
  }

  private long get(int slot) {
    return (long) SLOTS.getOpaque(slots, slot);
  }

  public PortStats snapshot() {
    Map<DropReason, Long> drops = new EnumMap<>(DropReason.class);
    for (DropReason r : REASONS) {
      long n = get(DROPS + r.ordinal());
      if (n != 0) {
        drops.put(r, n);
      }
    }
    return new PortStats(port, kind, get(RX_PACKETS), get(RX_BYTES), get(TX_PACKETS), get(TX_BYTES), get(ERRORS), drops);
  }
}
