package dev.weft.lab.record;

import java.util.List;
import java.util.Optional;

/**
 * What {@code weft deploy} recorded about a lab in {@code /run/weft/labs/LAB.json}: the topology it came
 * from (name and file, if any), when, and every namespace and link it made with their kernel ids
 * (namespace inode, ifindex). {@code complete} is false while a deploy is running or after one crashed:
 * the namespaces listed are then the ones it meant to make, and destroy removes whichever exist.
 */
public record LabRecord(String lab, String topology, Optional<String> file, String deployedAt, boolean complete,
    List<RecordedNamespace> namespaces, List<RecordedLink> links) {

  public LabRecord {
    namespaces = List.copyOf(namespaces);
    links = List.copyOf(links);
  }

  /** A namespace: its name under /run/netns, what it stands for, the model's name, and its inode (0 if unknown). */
  public record RecordedNamespace(String name, String role, String model, long inode) {}

  /** A link: its namespace, name, kind and ifindex there. */
  public record RecordedLink(String namespace, String name, String kind, int index) {}
}
