package dev.weft.policy.analysis;

import dev.weft.model.value.Cidr;
import dev.weft.model.value.IpAddress;
import dev.weft.policy.model.Cluster;
import dev.weft.policy.model.KubeNamespace;
import dev.weft.policy.model.LabelSelector;
import dev.weft.policy.model.Labels;
import dev.weft.policy.model.Pod;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lookup structures over the pods of a cluster: pods grouped by (namespace, labels), so that a selector is
 * evaluated once per group rather than once per pod (a workload's pods share their labels), and pods sorted
 * by IP for address predicates.
 */
final class PodIndex {
  /** Pods (by index in {@link Cluster#pods()}) of one namespace that share their labels. */
  record Group(String namespace, Labels labels, int[] pods) {}

  private final Cluster cluster;
  private final Map<String, List<Group>> groupsByNamespace = new HashMap<>();
  /** Per namespace, the groups that carry each {@code key=value} label: selectors start from the smallest list. */
  private final Map<String, Map<String, List<Group>>> groupsByLabel = new HashMap<>();
  private final Map<LabelSelector, List<String>> namespacesBySelector = new HashMap<>();
  private final Integer[] byIp;
  private final Map<dev.weft.policy.model.PodId, Integer> indexById = new HashMap<>();

  PodIndex(Cluster cluster) {
    this.cluster = cluster;
    Map<String, Map<Labels, IntList>> tmp = new LinkedHashMap<>();
    List<Pod> pods = cluster.pods();
    for (int i = 0; i < pods.size(); i++) {
      Pod p = pods.get(i);
      tmp.computeIfAbsent(p.namespace(), k -> new LinkedHashMap<>()).computeIfAbsent(p.labels(), k -> new IntList()).add(i);
      indexById.put(p.id(), i);
    }
    tmp.forEach((ns, m) -> {
      List<Group> gs = new ArrayList<>();
      m.forEach((labels, list) -> gs.add(new Group(ns, labels, list.toArray())));
      groupsByNamespace.put(ns, gs);
      Map<String, List<Group>> byLabel = new HashMap<>();
      for (Group g : gs) {
        g.labels().map().forEach((k, v) -> byLabel.computeIfAbsent(k + "=" + v, x -> new ArrayList<>()).add(g));
      }
      groupsByLabel.put(ns, byLabel);
    });
    byIp = new Integer[pods.size()];
    for (int i = 0; i < byIp.length; i++) {
      byIp[i] = i;
    }
    Arrays.sort(byIp, (x, y) -> pods.get(x).ip().compareTo(pods.get(y).ip()));
  }

  Cluster cluster() {
    return cluster;
  }

  int podCount() {
    return cluster.pods().size();
  }

  java.util.Optional<Integer> indexOf(dev.weft.policy.model.PodId id) {
    return java.util.Optional.ofNullable(indexById.get(id));
  }

  List<Group> groups(String namespace) {
    return groupsByNamespace.getOrDefault(namespace, List.of());
  }

  /** The groups of a namespace whose labels a selector matches. */
  List<Group> matching(String namespace, LabelSelector selector) {
    List<Group> candidates = groups(namespace);
    for (Map.Entry<String, String> e : selector.matchLabels().map().entrySet()) {
      List<Group> withLabel = groupsByLabel.getOrDefault(namespace, Map.of()).getOrDefault(e.getKey() + "=" + e.getValue(), List.of());
      if (withLabel.size() < candidates.size()) {
        candidates = withLabel;
      }
    }
    List<Group> out = new ArrayList<>();
    for (Group g : candidates) {
      if (selector.matches(g.labels())) {
        out.add(g);
      }
    }
    return out;
  }

  /** Names of the namespaces a selector matches (memoised: policies repeat their namespace selectors). */
  List<String> namespaces(LabelSelector selector) {
    return namespacesBySelector.computeIfAbsent(selector, s -> {
      List<String> out = new ArrayList<>();
      for (KubeNamespace ns : cluster.namespaces()) {
        if (s.matches(ns.labels())) {
          out.add(ns.name());
        }
      }
      return out;
    });
  }

  /** Indices of the pods whose IP is in {@code cidr}. */
  void podsIn(Cidr cidr, IntList out) {
    int lo = lowerBound(cidr.first());
    for (int i = lo; i < byIp.length; i++) {
      IpAddress ip = cluster.pods().get(byIp[i]).ip();
      if (!cidr.contains(ip)) {
        break;
      }
      out.add(byIp[i]);
    }
  }

  private int lowerBound(IpAddress first) {
    int lo = 0;
    int hi = byIp.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cluster.pods().get(byIp[mid]).ip().compareTo(first) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
