package dev.weft.lab.probe;

import dev.weft.sim.Protocol;
import java.util.List;

/**
 * The agreement matrix of one protocol: sources down, destinations across, one character per cell
 * ({@link ProbeCell#symbol}), and every cell. {@code simMicros} is how long the simulator's reach took,
 * {@code kernelMicros} how long probing the kernel took.
 */
public record ProbeMatrix(Protocol protocol, int port, List<String> sources, List<String> destinations,
    List<String> rows, List<ProbeCell> cells, long simMicros, long kernelMicros) {
  public ProbeMatrix {
    sources = List.copyOf(sources);
    destinations = List.copyOf(destinations);
    rows = List.copyOf(rows);
    cells = List.copyOf(cells);
  }

  public long agreeing() {
    return cells.stream().filter(ProbeCell::agrees).count();
  }
}
