package dev.weft.lab.probe;

import dev.weft.lab.LabName;
import dev.weft.sim.Protocol;
import java.util.List;
import java.util.Optional;

/**
 * How to probe: which lab (by default the topology's default lab), which protocols, the ports (as the
 * simulator is asked about the same ones), how long to wait for a packet, how many probes run at once,
 * whether to re-run each mismatch with kernel tracing (nftrace) to show what the kernel did, and whether
 * to take the simulator's exact (byte-level) reading of every cell's answer and source instead of only
 * where the quick reading disagrees with the kernel.
 */
public record ProbeOptions(Optional<LabName> lab, List<Protocol> protocols, int tcpPort, int udpPort, int timeoutMillis,
    int parallelism, boolean traceMismatches, boolean exact) {

  public ProbeOptions {
    protocols = List.copyOf(protocols);
    if (protocols.isEmpty()) {
      throw new IllegalArgumentException("probe at least one protocol");
    }
    if (tcpPort < 1 || tcpPort > 65535 || udpPort < 1 || udpPort > 65535) {
      throw new IllegalArgumentException("probe ports must be 1..65535");
    }
    if (timeoutMillis < 1 || parallelism < 1) {
      throw new IllegalArgumentException("timeout and parallelism must be positive");
    }
  }

  /** TCP to port 80, UDP to port 53 and ICMP echo; 1 s per probe, 32 at a time, mismatches traced. */
  public static ProbeOptions defaults() {
    return new ProbeOptions(Optional.empty(), List.of(Protocol.TCP, Protocol.UDP, Protocol.ICMP), 80, 53, 1000, 32, true,
        false);
  }

  public ProbeOptions withLab(LabName name) {
    return new ProbeOptions(Optional.of(name), protocols, tcpPort, udpPort, timeoutMillis, parallelism, traceMismatches, exact);
  }

  public ProbeOptions withProtocols(List<Protocol> value) {
    return new ProbeOptions(lab, value, tcpPort, udpPort, timeoutMillis, parallelism, traceMismatches, exact);
  }

  public ProbeOptions withTimeout(int millis) {
    return new ProbeOptions(lab, protocols, tcpPort, udpPort, millis, parallelism, traceMismatches, exact);
  }

  public ProbeOptions withTracing(boolean value) {
    return new ProbeOptions(lab, protocols, tcpPort, udpPort, timeoutMillis, parallelism, value, exact);
  }

  /** The simulator's exact reading for every cell (slower: two byte-level traces per delivered cell). */
  public ProbeOptions withExact(boolean value) {
    return new ProbeOptions(lab, protocols, tcpPort, udpPort, timeoutMillis, parallelism, traceMismatches, value);
  }

  public ProbeOptions withParallelism(int value) {
    return new ProbeOptions(lab, protocols, tcpPort, udpPort, timeoutMillis, value, traceMismatches, exact);
  }

  public int port(Protocol p) {
    return switch (p) {
      case TCP -> tcpPort;
      case UDP -> udpPort;
      case ICMP -> 0;
    };
  }
}
