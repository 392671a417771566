package dev.weft.lab.deploy;

import java.util.List;

/**
 * What a destroy removed: the namespaces deleted (which takes every link, address, route, neighbour, FDB
 * entry and rule inside them), those the record listed that were already gone, and whether a record was
 * removed. {@code skipped} lists record entries that do not carry the lab's prefix and were left alone.
 */
public record DestroyResult(String lab, List<String> removed, List<String> alreadyGone, List<String> skipped,
    boolean recordRemoved, long millis) {
  public DestroyResult {
    removed = List.copyOf(removed);
    alreadyGone = List.copyOf(alreadyGone);
    skipped = List.copyOf(skipped);
  }
}
