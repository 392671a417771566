package dev.weft.policy.model;

import dev.weft.model.value.Cidr;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the verifier knows about one cluster, in deterministic order: namespaces and pods sorted by
 * name, NetworkPolicies by namespace/name, AdminNetworkPolicies by priority then name. Build one with
 * {@link ClusterBuilder}; it fills in undeclared namespaces and pod IPs. Immutable.
 */
public final class Cluster {
  private final List<KubeNamespace> namespaces;
  private final List<Pod> pods;
  private final List<NetworkPolicy> policies;
  private final List<AdminNetworkPolicy> adminPolicies;
  private final Optional<AdminNetworkPolicy> baseline;
  private final List<Service> services;
  private final List<Cidr> podCidrs;
  private final List<String> notes;
  private final Map<String, KubeNamespace> namespaceByName = new LinkedHashMap<>();
  private final Map<PodId, Pod> podById = new LinkedHashMap<>();

  Cluster(
      List<KubeNamespace> namespaces,
      List<Pod> pods,
      List<NetworkPolicy> policies,
      List<AdminNetworkPolicy> adminPolicies,
      Optional<AdminNetworkPolicy> baseline,
      List<Service> services,
      List<Cidr> podCidrs,
      List<String> notes) {
    this.namespaces = sorted(namespaces, Comparator.comparing(KubeNamespace::name));
    this.pods = sorted(pods, Comparator.comparing(Pod::id));
    this.policies = sorted(policies, Comparator.comparing(NetworkPolicy::namespace).thenComparing(NetworkPolicy::name));
    this.adminPolicies = sorted(adminPolicies, ADMIN_ORDER);
    this.baseline = baseline;
    this.services = sorted(services, Comparator.comparing(Service::namespace).thenComparing(Service::name));
    this.podCidrs = List.copyOf(podCidrs);
    this.notes = List.copyOf(notes);
    this.namespaces.forEach(n -> namespaceByName.put(n.name(), n));
    this.pods.forEach(p -> podById.put(p.id(), p));
  }

  /** ANPs in evaluation order: lower priority value first; equal priorities (undefined by the API) by name. */
  public static final Comparator<AdminNetworkPolicy> ADMIN_ORDER =
      Comparator.comparingInt(AdminNetworkPolicy::priority).thenComparing(AdminNetworkPolicy::name);

  private static <T> List<T> sorted(List<T> in, Comparator<? super T> order) {
    List<T> out = new ArrayList<>(in);
    out.sort(order);
    return List.copyOf(out);
  }

  public List<KubeNamespace> namespaces() {
    return namespaces;
  }

  public List<Pod> pods() {
    return pods;
  }

  public List<NetworkPolicy> policies() {
    return policies;
  }

  public List<AdminNetworkPolicy> adminPolicies() {
    return adminPolicies;
  }

  public Optional<AdminNetworkPolicy> baseline() {
    return baseline;
  }

  public List<Service> services() {
    return services;
  }

  /** The pod network(s); external address ranges in reports leave these out. */
  public List<Cidr> podCidrs() {
    return podCidrs;
  }

  /** What the builder assumed or filled in (undeclared namespaces, synthesised IPs), for warnings. */
  public List<String> notes() {
    return notes;
  }

  public Optional<KubeNamespace> namespace(String name) {
    return Optional.ofNullable(namespaceByName.get(name));
  }

  /** The labels of a namespace; empty labels for one not declared (the builder declares all it sees). */
  public Labels namespaceLabels(String name) {
    KubeNamespace ns = namespaceByName.get(name);
    return ns == null ? Labels.EMPTY : ns.labels();
  }

  public Optional<Pod> pod(PodId id) {
    return Optional.ofNullable(podById.get(id));
  }

  /** A one-line summary with every object, for test failure messages. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Cluster{");
    namespaces.forEach(n -> sb.append("\n  ns ").append(n.name()).append(' ').append(n.labels()));
    pods.forEach(p -> sb.append("\n  pod ").append(p.id()).append(' ').append(p.labels()).append(' ').append(p.ip())
        .append(p.hostNetwork() ? " hostNetwork" : "").append(' ').append(p.ports()));
    policies.forEach(p -> sb.append("\n  ").append(p));
    adminPolicies.forEach(p -> sb.append("\n  ").append(p));
    baseline.ifPresent(p -> sb.append("\n  ").append(p));
    return sb.append("\n}").toString();
  }

  /** The same cluster with other NetworkPolicies (for diffs and incremental updates). */
  public Cluster withPolicies(List<NetworkPolicy> newPolicies) {
    return new Cluster(namespaces, pods, newPolicies, adminPolicies, baseline, services, podCidrs, notes);
  }

  /** The same cluster with other admin-tier policies. */
  public Cluster withAdminPolicies(List<AdminNetworkPolicy> admin, Optional<AdminNetworkPolicy> newBaseline) {
    return new Cluster(namespaces, pods, policies, admin, newBaseline, services, podCidrs, notes);
  }
}
