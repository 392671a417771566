package dev.weft.policy.analysis;

import java.util.Arrays;

/** A growable list of ints, so that member lists of 100,000 pods cost no boxing. */
final class IntList {
  private int[] a;
  private int n;

  IntList() {
    this(4);
  }

  IntList(int capacity) {
    a = new int[Math.max(1, capacity)];
  }

  void add(int v) {
    if (n == a.length) {
      a = Arrays.copyOf(a, n * 2);
    }
    a[n++] = v;
  }

  int get(int i) {
    return a[i];
  }

  int size() {
    return n;
  }

  boolean isEmpty() {
    return n == 0;
  }

  void clear() {
    n = 0;
  }

  int[] toArray() {
    return Arrays.copyOf(a, n);
  }
}
