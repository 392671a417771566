package dev.weft.policy.verify;

import java.util.List;

/**
 * The result of {@code weft verify list}: every allowed connection, sorted by source then destination, plus
 * the endpoints that got no verdict (hostNetwork pods) and counts for the header.
 *
 * @param undetermined hostNetwork pods or workloads: NetworkPolicy leaves them undefined, so they are reported, not guessed
 */
public record ConnectivityReport(
    Granularity granularity, List<Connection> connections, List<String> undetermined, int pods, int workloads, int classes, List<String> notes) {
  public ConnectivityReport {
    connections = List.copyOf(connections);
    undetermined = List.copyOf(undetermined);
    notes = List.copyOf(notes);
  }
}
