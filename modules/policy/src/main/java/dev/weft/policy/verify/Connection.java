package dev.weft.policy.verify;

import dev.weft.policy.ports.PortSet;

/**
 * An allowed connection between two report endpoints. {@code allowed} holds for every pod pair behind the
 * two endpoints; {@code partial} lists ports that only some pod pairs get (a workload whose pods policies
 * treat differently, see pod level for details). Never both empty.
 */
public record Connection(ReportEndpoint source, ReportEndpoint destination, PortSet allowed, PortSet partial) {
  public boolean uniform() {
    return partial.isEmpty();
  }
}
