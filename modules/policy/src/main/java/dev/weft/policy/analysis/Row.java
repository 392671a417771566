package dev.weft.policy.analysis;

import java.util.Arrays;

/**
 * One class's verdicts in one direction, as a function of the peer class: a default port-set id plus sorted
 * exceptions. {@link #OPEN} means every peer gets every port (no policy applies).
 */
final class Row {
  static final Row OPEN = new Row(true, PortSetTable.ALL, new int[0], new int[0]);

  final boolean open;
  final int defaultPorts;
  final int[] keys;
  final int[] values;

  Row(boolean open, int defaultPorts, int[] keys, int[] values) {
    this.open = open;
    this.defaultPorts = defaultPorts;
    this.keys = keys;
    this.values = values;
  }

  int get(int peer) {
    if (open) {
      return PortSetTable.ALL;
    }
    int i = Arrays.binarySearch(keys, peer);
    return i >= 0 ? values[i] : defaultPorts;
  }

  /** This row with {@code newPeer} getting whatever {@code oldPeer} gets (after a class split). */
  Row withCopiedPeer(int oldPeer, int newPeer) {
    int i = Arrays.binarySearch(keys, oldPeer);
    if (open || i < 0) {
      return this;
    }
    int at = -Arrays.binarySearch(keys, newPeer) - 1;
    int[] k = new int[keys.length + 1];
    int[] v = new int[values.length + 1];
    System.arraycopy(keys, 0, k, 0, at);
    System.arraycopy(values, 0, v, 0, at);
    k[at] = newPeer;
    v[at] = values[i];
    System.arraycopy(keys, at, k, at + 1, keys.length - at);
    System.arraycopy(values, at, v, at + 1, values.length - at);
    return new Row(false, defaultPorts, k, v);
  }
}
