package dev.weft.ipam.node;

import dev.weft.model.value.IpAddress;
import java.util.List;

/**
 * What a GC did. GC goes on past a failure to release one address (the spec asks plugins to remove as
 * much as they can and report every error), so both lists can be non-empty.
 */
public record GcReport(List<IpAddress> freed, List<String> errors) {
  public GcReport {
    freed = List.copyOf(freed);
    errors = List.copyOf(errors);
  }
}
