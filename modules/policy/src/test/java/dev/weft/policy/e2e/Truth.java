package dev.weft.policy.e2e;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An expected reachability matrix over the e2e pods for one protocol/port, built like the upstream truth
 * tables: start from all-allowed or all-denied and override rows (egress), columns (ingress) and cells.
 * A pod always reaches itself.
 */
public final class Truth {
  private final List<String> pods = new ArrayList<>();
  private final Map<String, Boolean> cells = new LinkedHashMap<>();

  private Truth(boolean initial) {
    for (String ns : E2eCluster.NAMESPACES) {
      for (String p : E2eCluster.PODS) {
        pods.add(ns + "/" + p);
      }
    }
    for (String s : pods) {
      for (String d : pods) {
        cells.put(s + ">" + d, initial);
      }
    }
  }

  public static Truth allowAll() {
    return new Truth(true);
  }

  public static Truth denyAll() {
    return new Truth(false);
  }

  public List<String> pods() {
    return pods;
  }

  /** Every source to {@code dst}. */
  public Truth ingress(String dst, boolean allowed) {
    pods.forEach(s -> cells.put(s + ">" + dst, allowed));
    return this;
  }

  /** {@code src} to every destination. */
  public Truth egress(String src, boolean allowed) {
    pods.forEach(d -> cells.put(src + ">" + d, allowed));
    return this;
  }

  /** Every pod of namespace {@code ns} as destination. */
  public Truth ingressNamespace(String ns, boolean allowed) {
    E2eCluster.PODS.forEach(p -> ingress(ns + "/" + p, allowed));
    return this;
  }

  public Truth egressNamespace(String ns, boolean allowed) {
    E2eCluster.PODS.forEach(p -> egress(ns + "/" + p, allowed));
    return this;
  }

  public Truth set(String src, String dst, boolean allowed) {
    cells.put(src + ">" + dst, allowed);
    return this;
  }

  /** Every pod of namespace {@code srcNs} to {@code dst}. */
  public Truth fromNamespace(String srcNs, String dst, boolean allowed) {
    E2eCluster.PODS.forEach(p -> set(srcNs + "/" + p, dst, allowed));
    return this;
  }

  public boolean expected(String src, String dst) {
    return src.equals(dst) || cells.get(src + ">" + dst);
  }
}
