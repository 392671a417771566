package dev.weft.lab.probe;

import java.net.InetAddress;
import java.util.Optional;

/**
 * What the source saw of one probe: whether the exchange completed (TCP connected, UDP echo or ICMP echo
 * reply received), the source address the kernel chose, and the error the socket reported if any
 * ("ENETUNREACH (network is unreachable)", "timed out after 1000 ms").
 */
public record Attempt(boolean answered, Optional<InetAddress> source, Optional<String> error, boolean sent) {
  /** The kernel refused to send at all (no route): nothing left the source. */
  public static Attempt notSent(String error) {
    return new Attempt(false, Optional.empty(), Optional.of(error), false);
  }
}
