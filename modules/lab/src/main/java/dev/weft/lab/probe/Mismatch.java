package dev.weft.lab.probe;

import java.util.List;

/**
 * A cell where the simulator and the kernel disagree, with both stories: the simulated trace as {@code
 * weft sim trace} prints it, and what the kernel did (the client's result, where the request arrived, and
 * when tracing is on, the nftrace lines of every lab namespace the packet passed).
 */
public record Mismatch(ProbeCell cell, String simulated, List<String> kernel) {
  public Mismatch {
    kernel = List.copyOf(kernel);
  }
}
