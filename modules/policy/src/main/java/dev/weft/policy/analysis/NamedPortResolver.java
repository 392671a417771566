package dev.weft.policy.analysis;

import dev.weft.policy.model.ContainerPort;
import dev.weft.policy.model.Pod;
import dev.weft.policy.model.PortMatch;
import dev.weft.policy.ports.PortSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Named ports for the class engine: the names rules use (each a key), what each resolves to on a pod
 * (memoised per distinct container port list, since a workload's pods share theirs) and on a class (through
 * its representative, which is exact because classes are split by every key's value).
 */
final class NamedPortResolver {
  private final PodIndex pods;
  private final ClassPartition partition;
  private PortSetTable ports;
  private final Map<PortMatch.NamedPort, Integer> keys = new LinkedHashMap<>();
  private final Map<Long, Integer> byClass = new HashMap<>();
  private final Map<PortMatch.NamedPort, Map<List<ContainerPort>, PortSet>> byPortList = new HashMap<>();

  NamedPortResolver(PodIndex pods, ClassPartition partition) {
    this.pods = pods;
    this.partition = partition;
  }

  /** The port table is built after the keys are known (their values cut the port atoms). */
  void useTable(PortSetTable table) {
    this.ports = table;
  }

  boolean known(PortMatch.NamedPort key) {
    return keys.containsKey(key);
  }

  void register(PortMatch.NamedPort key) {
    keys.putIfAbsent(key, keys.size());
  }

  Set<PortMatch.NamedPort> keys() {
    return keys.keySet();
  }

  /** The interned value of every key on one pod, in key order: part of the pod's class signature. */
  int[] signature(Pod pod) {
    int[] out = new int[keys.size()];
    keys.forEach((k, i) -> out[i] = ports.intern(resolve(k, pod)));
    return out;
  }

  PortSet resolve(PortMatch.NamedPort key, Pod pod) {
    return byPortList.computeIfAbsent(key, k -> new HashMap<>()).computeIfAbsent(pod.ports(), ps -> resolveUncached(key, pod));
  }

  static PortSet resolveUncached(PortMatch.NamedPort key, Pod pod) {
    PortSet out = PortSet.EMPTY;
    for (ContainerPort cp : pod.ports()) {
      if (cp.name().equals(Optional.of(key.name())) && key.protocol().map(p -> p == cp.protocol()).orElse(true)) {
        out = out.union(PortSet.of(cp.protocol(), cp.port()));
      }
    }
    return out;
  }

  /** Every non-empty value the keys take on some pod (their boundaries cut the port atoms). */
  List<PortSet> values(Iterable<PortMatch.NamedPort> which) {
    Set<PortSet> out = new LinkedHashSet<>();
    for (PortMatch.NamedPort k : which) {
      for (Pod p : pods.cluster().pods()) {
        PortSet v = resolve(k, p);
        if (!v.isEmpty()) {
          out.add(v);
        }
      }
    }
    return new ArrayList<>(out);
  }

  /** The port-set id of a named port on a destination class (empty for external classes). */
  int on(PortMatch.NamedPort key, int cls) {
    if (partition.isExternal(cls)) {
      return PortSetTable.EMPTY;
    }
    int k = keys.get(key);
    return byClass.computeIfAbsent(((long) cls << 20) | k,
        x -> ports.intern(resolve(key, pods.cluster().pods().get(partition.representative(cls)))));
  }

  /** Forgets per-class values after classes were split by a new key. */
  void clearCache() {
    byClass.clear();
  }
}
