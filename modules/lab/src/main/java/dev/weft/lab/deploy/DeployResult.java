package dev.weft.lab.deploy;

import java.util.List;

/**
 * What a deploy did. {@code created} is true when the lab did not exist before; {@code changes} lists
 * every change applied, in order ("LAB-host1: create bridge br0 mtu 1450"), and is empty when the kernel
 * already matched the file; {@code warnings} name what the kernel does not reproduce.
 */
public record DeployResult(String lab, String topology, boolean created, List<String> namespaces, List<String> changes,
    List<String> warnings, long millis) {
  public DeployResult {
    namespaces = List.copyOf(namespaces);
    changes = List.copyOf(changes);
    warnings = List.copyOf(warnings);
  }

  public boolean changed() {
    return !changes.isEmpty();
  }
}
