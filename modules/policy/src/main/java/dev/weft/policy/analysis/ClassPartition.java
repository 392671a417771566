package dev.weft.policy.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The endpoint classes: a partition of the members (pods numbered {@code 0..podCount-1}, external address
 * atoms after them) into blocks that every predicate treats alike. Pod, hostNetwork pod and external members
 * never share a block. Blocks only ever split (incremental updates never merge), so class ids are stable.
 */
final class ClassPartition {
  private final int podCount;
  private int[] classOf = new int[16];
  private int memberCount;
  private final List<IntList> members = new ArrayList<>();
  private final BitSet external = new BitSet();
  private final BitSet hostNetwork = new BitSet();

  ClassPartition(int podCount) {
    this.podCount = podCount;
  }

  int podCount() {
    return podCount;
  }

  int classCount() {
    return members.size();
  }

  int memberCount() {
    return memberCount;
  }

  int classOf(int member) {
    return classOf[member];
  }

  IntList members(int cls) {
    return members.get(cls);
  }

  int representative(int cls) {
    return members.get(cls).get(0);
  }

  boolean isExternal(int cls) {
    return external.get(cls);
  }

  boolean isHostNetwork(int cls) {
    return hostNetwork.get(cls);
  }

  BitSet externalClasses() {
    return external;
  }

  BitSet hostNetworkClasses() {
    return hostNetwork;
  }

  int newClass(boolean isExternal, boolean isHostNetwork) {
    int id = members.size();
    members.add(new IntList());
    external.set(id, isExternal);
    hostNetwork.set(id, isHostNetwork);
    return id;
  }

  void addMember(int member, int cls) {
    if (member >= classOf.length) {
      classOf = Arrays.copyOf(classOf, Math.max(member + 1, classOf.length * 2));
    }
    classOf[member] = cls;
    memberCount = Math.max(memberCount, member + 1);
    members.get(cls).add(member);
  }

  /**
   * Moves the members of {@code cls} that pass {@code test} into a new class, when some but not all pass.
   * Returns the new class id, or -1 when nothing split. Cost: the size of {@code cls}.
   */
  int split(int cls, IntPredicate test) {
    IntList all = members.get(cls);
    IntList stay = new IntList(all.size());
    IntList move = new IntList();
    for (int i = 0; i < all.size(); i++) {
      int m = all.get(i);
      (test.test(m) ? move : stay).add(m);
    }
    if (move.isEmpty() || stay.isEmpty()) {
      return -1;
    }
    members.set(cls, stay);
    int id = newClass(external.get(cls), hostNetwork.get(cls));
    for (int i = 0; i < move.size(); i++) {
      addMember(move.get(i), id);
    }
    return id;
  }

  boolean isPodMember(int member) {
    return member < podCount;
  }
}
