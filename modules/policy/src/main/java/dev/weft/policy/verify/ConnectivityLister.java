package dev.weft.policy.verify;

import dev.weft.policy.analysis.ConnectivityEngine;
import dev.weft.policy.analysis.EndpointClass;
import dev.weft.policy.model.Cluster;
import dev.weft.policy.model.Pod;
import dev.weft.policy.model.WorkloadId;
import dev.weft.policy.ports.PortSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code weft verify list}: expands the class engine's class pairs into workload (or pod) pairs and external
 * ranges. Only the output is per endpoint; the computation stays on classes. A unit (workload, pod or
 * external range) maps to the classes of its pods; a unit pair's {@code allowed} is the intersection over its
 * pod pairs and {@code partial} what only some pairs get.
 */
public final class ConnectivityLister {
  private final ConnectivityEngine engine;

  public ConnectivityLister(ConnectivityEngine engine) {
    this.engine = engine;
  }

  public static ConnectivityReport list(Cluster cluster, Granularity granularity) {
    return new ConnectivityLister(ConnectivityEngine.build(cluster)).list(granularity);
  }

  private static final class Unit {
    final ReportEndpoint endpoint;
    final Map<Integer, Integer> classCounts = new TreeMap<>();

    Unit(ReportEndpoint endpoint) {
      this.endpoint = endpoint;
    }
  }

  private static final class Acc {
    PortSet all;
    PortSet any;
    int seen;

    Acc(PortSet first) {
      all = first;
      any = first;
      seen = 1;
    }
  }

  public ConnectivityReport list(Granularity granularity) {
    Cluster cluster = engine.cluster();
    List<Unit> units = new ArrayList<>();
    Map<Integer, List<Integer>> unitsOfClass = new HashMap<>();
    TreeSet<String> undetermined = new TreeSet<>();
    Map<String, Unit> byName = new LinkedHashMap<>();
    int[] podClass = podClasses();
    for (int i = 0; i < cluster.pods().size(); i++) {
      Pod p = cluster.pods().get(i);
      if (p.hostNetwork()) {
        undetermined.add((granularity == Granularity.POD ? p.id().toString() : p.workload().qualifiedName()) + " (hostNetwork)");
        continue;
      }
      WorkloadId w = p.workload();
      ReportEndpoint ep = granularity == Granularity.POD ? ReportEndpoint.pod(p.id().toString()) : ReportEndpoint.workload(w.kind(), w.qualifiedName());
      Unit u = byName.computeIfAbsent(ep.kind() + ep.name(), k -> new Unit(ep));
      u.classCounts.merge(podClass[i], 1, Integer::sum);
    }
    for (EndpointClass c : engine.classes()) {
      if (c.kind() == EndpointClass.Kind.EXTERNAL) {
        Unit u = new Unit(ReportEndpoint.external(ExternalRanges.label(c.external())));
        u.classCounts.put(c.id(), 1);
        byName.put("X" + c.id(), u);
      }
    }
    units.addAll(byName.values());
    for (int i = 0; i < units.size(); i++) {
      for (int c : units.get(i).classCounts.keySet()) {
        unitsOfClass.computeIfAbsent(c, k -> new ArrayList<>()).add(i);
      }
    }
    // a unit pair of two single-class units has exactly one class pair behind it: no merging needed
    Map<Long, Acc> acc = new HashMap<>();
    List<Connection> out = new ArrayList<>();
    engine.forEachAllowed((s, d, ports) -> {
      for (int u1 : unitsOfClass.getOrDefault(s, List.of())) {
        for (int u2 : unitsOfClass.getOrDefault(d, List.of())) {
          Unit a = units.get(u1);
          Unit b = units.get(u2);
          if (u1 == u2 && s == d && a.classCounts.get(s) < 2) {
            continue; // the only pair would be a pod with itself
          }
          if (a.classCounts.size() == 1 && b.classCounts.size() == 1) {
            out.add(new Connection(a.endpoint, b.endpoint, ports, PortSet.EMPTY));
            continue;
          }
          acc.merge(((long) u1 << 32) | u2, new Acc(ports), (x, y) -> {
            x.all = x.all.intersect(y.all);
            x.any = x.any.union(y.any);
            x.seen++;
            return x;
          });
        }
      }
    });
    acc.forEach((key, a) -> {
      Unit u1 = units.get((int) (key >>> 32));
      Unit u2 = units.get((int) (long) key);
      PortSet all = a.seen < combos(u1, u2) ? PortSet.EMPTY : a.all;
      out.add(new Connection(u1.endpoint, u2.endpoint, all, a.any.subtract(all)));
    });
    out.sort((x, y) -> {
      int c = x.source().compareTo(y.source());
      return c != 0 ? c : x.destination().compareTo(y.destination());
    });
    long workloads = cluster.pods().stream().map(Pod::workload).distinct().count();
    return new ConnectivityReport(granularity, out, List.copyOf(undetermined), cluster.pods().size(), (int) workloads, engine.classCount(), cluster.notes());
  }

  private int[] podClasses() {
    List<Pod> pods = engine.cluster().pods();
    int[] out = new int[pods.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = engine.classOf(dev.weft.policy.semantics.Endpoint.of(pods.get(i))).orElseThrow();
    }
    return out;
  }

  /** How many class pairs stand behind a unit pair (pairs of a pod with itself do not count). */
  private static int combos(Unit u1, Unit u2) {
    if (u1 != u2) {
      return u1.classCounts.size() * u2.classCounts.size();
    }
    int n = 0;
    for (var a : u1.classCounts.entrySet()) {
      for (int b : u1.classCounts.keySet()) {
        n += a.getKey() != b || a.getValue() >= 2 ? 1 : 0;
      }
    }
    return n;
  }
}
