package dev.weft.lab.probe;

import dev.weft.linux.netns.NetnsName;
import dev.weft.model.value.IpAddress;
import dev.weft.sim.Protocol;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends one probe and collects the kernel's answer. Each probe gets its own id (source port or echo
 * identifier) from a counter over 20000..59999, so the witness can tell probes apart while many run at
 * once; the request counts as delivered when the witness sees it arrive at the destination stack within
 * the timeout (at once, when the source refused to send it at all).
 */
final class KernelProbes {
  private static final int FIRST_ID = 20000;
  private static final int IDS = 40000;

  private final Clients clients;
  private final Witness witness;
  private final int timeoutMillis;
  private final AtomicInteger next = new AtomicInteger();

  KernelProbes(Clients clients, Witness witness, int timeoutMillis) {
    this.clients = clients;
    this.witness = witness;
    this.timeoutMillis = timeoutMillis;
  }

  KernelOutcome probe(Protocol protocol, int port, NetnsName from, Optional<IpAddress> to, NetnsName toStack) {
    return probe(protocol, port, from, to, toStack, timeoutMillis);
  }

  KernelOutcome probe(Protocol protocol, int port, NetnsName from, Optional<IpAddress> to, NetnsName toStack,
      int timeoutMillis) {
    if (to.isEmpty()) {
      return KernelOutcome.noAddress();
    }
    int id = FIRST_ID + Math.floorMod(next.getAndIncrement(), IDS);
    long start = System.nanoTime();
    Attempt a = switch (protocol) {
      case TCP -> clients.tcp(from, to.get().toInetAddress(), port, id, timeoutMillis);
      case UDP -> clients.udp(from, to.get().toInetAddress(), port, id, timeoutMillis);
      case ICMP -> clients.icmp(from, to.get().toInetAddress(), id, timeoutMillis);
    };
    long deadline = a.sent() ? start + timeoutMillis * 1_000_000L : System.nanoTime();
    boolean delivered = witness.await(protocol, id, toStack, deadline).isPresent();
    return new KernelOutcome(delivered, Optional.of(a), witness.arrivals(protocol, id), id);
  }
}
