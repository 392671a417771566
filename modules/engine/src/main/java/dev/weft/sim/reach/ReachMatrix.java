package dev.weft.sim.reach;

import dev.weft.sim.Outcome;
import dev.weft.sim.Protocol;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A reachability matrix. {@code rows} has one string per source with one character per destination,
 * {@code .} reachable and {@code X} not, as the Kubernetes network-policy truth tables print them, and
 * {@code ?} where a rule weft cannot interpret decides; {@code blocked} holds a cell with its reason for
 * every {@code X} and {@code ?}. Compact on purpose: a 1,000 x 1,000
 * matrix is a megabyte of rows, not a million records.
 */
public record ReachMatrix(Protocol protocol, int destinationPort, List<String> sources, List<String> destinations,
    List<String> rows, List<ReachCell> blocked, List<String> pcapFiles) {
  public static final char REACHABLE = '.';
  public static final char BLOCKED = 'X';
  /** A rule weft cannot interpret decides the pair: neither reachable nor blocked for certain. */
  public static final char UNDETERMINED = '?';

  public ReachMatrix {
    sources = List.copyOf(sources);
    destinations = List.copyOf(destinations);
    rows = List.copyOf(rows);
    blocked = List.copyOf(blocked);
    pcapFiles = List.copyOf(pcapFiles);
  }

  public boolean reachable(int source, int destination) {
    return rows.get(source).charAt(destination) == REACHABLE;
  }

  /** The cell of a pair; a reachable one carries no explanation. */
  public ReachCell cell(String from, String to) {
    int i = sources.indexOf(from);
    int j = destinations.indexOf(to);
    if (i < 0 || j < 0) {
      throw new IllegalArgumentException("no cell " + from + " -> " + to);
    }
    if (reachable(i, j)) {
      return new ReachCell(from, to, Outcome.DELIVERED, Optional.empty(), to, "delivered", List.of());
    }
    return blockedByPair().get(from + "\u0000" + to);
  }

  private Map<String, ReachCell> blockedByPair() {
    return blocked.stream().collect(Collectors.toMap(c -> c.from() + "\u0000" + c.to(), Function.identity(), (a, b) -> a));
  }

  public long reachableCount() {
    return rows.stream().mapToLong(r -> r.chars().filter(c -> c == REACHABLE).count()).sum();
  }

  public ReachMatrix withPcapFiles(List<String> files) {
    return new ReachMatrix(protocol, destinationPort, sources, destinations, rows, blocked, files);
  }
}
