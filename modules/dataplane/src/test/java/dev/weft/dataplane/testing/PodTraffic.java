package dev.weft.dataplane.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.linux.netns.NamespaceThreads;

/**
 * The traffic every interop test checks between two pods of an {@link InteropLab} (each with an
 * {@code eth0}): pings answered both ways, and 16 MiB each way that arrive intact over a clean TCP.
 */
public final class PodTraffic {
  /**
   * Ports whose low byte has bit 3 clear (5201 is 0x1451), so a PSH flag written onto the destination
   * port (a coalescer bug once) changes the port and the receiver resets; 5001 and 5002 hid it.
   */
  public static final int PORT_THERE = 5201;
  public static final int PORT_BACK = 5202;
  private static final long BULK = 16 << 20;

  private PodTraffic() {}

  /** {@code count} echo requests from {@code a} to {@code b} and from {@code b} to {@code a}, all answered. */
  public static void pingBothWays(InteropLab lab, NamespaceThreads threads, String a, String b, int count) {
    assertThat(Pinger.ping(threads, lab.ns(a), lab.address(b, "eth0"), count)).as("%s -> %s", a, b).isEqualTo(count);
    assertThat(Pinger.ping(threads, lab.ns(b), lab.address(a, "eth0"), count)).as("%s -> %s", b, a).isEqualTo(count);
  }

  /** 16 MiB from {@code a} to {@code b} on {@link #PORT_THERE}, then back on {@link #PORT_BACK}. */
  public static void bulkBothWays(InteropLab lab, NamespaceThreads threads, String a, String b) {
    bulk(lab, threads, a, b, PORT_THERE);
    bulk(lab, threads, b, a, PORT_BACK);
  }

  /** The TCP port of {@link #sample}'s transfer. */
  public static final int SAMPLE_PORT = 5003;

  /** A little of both kinds from {@code from} to {@code to} (2 pings, 256 KiB), e.g. for a capture. */
  public static void sample(InteropLab lab, NamespaceThreads threads, String from, String to) {
    Pinger.ping(threads, lab.ns(from), lab.address(to, "eth0"), 2);
    Transfer.send(threads, lab.ns(from), lab.ns(to), lab.address(to, "eth0"), SAMPLE_PORT, 256 << 10);
  }

  private static void bulk(InteropLab lab, NamespaceThreads threads, String from, String to, int port) {
    Transfer.Result r = Transfer.send(threads, lab.ns(from), lab.ns(to), lab.address(to, "eth0"), port, BULK);
    assertThat(r.intact()).as("%s -> %s: %s", from, to, r).isTrue();
    System.out.println(from + " -> " + to + ": " + r);
    assertThat(r.clean()).as("no resets, few retransmissions: %s", r).isTrue();
  }
}
