package dev.weft.policy.model;

import dev.weft.model.value.Cidr;
import dev.weft.model.value.IpAddress;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Collects cluster objects and builds a {@link Cluster}.
 *
 * <p>Filled in on {@link #build()}:
 *
 * <ul>
 *   <li>Namespaces that pods or policies use but nobody declared get a Namespace with only the label
 *       {@code kubernetes.io/metadata.name} (as the API server sets it); a note says so.
 *   <li>Pods without an IP get one synthesised deterministically: a hash of {@code ns/name} picks an offset
 *       in the pod CIDR (default {@value #DEFAULT_POD_CIDR}, the kind/flannel default), probing forward on
 *       collisions, pods taken in name order. Hashing (rather than counting) keeps every other pod's address
 *       stable when one pod is added, so {@code verify diff} does not see spurious changes. hostNetwork pods
 *       get node addresses from {@value #DEFAULT_NODE_CIDR} instead.
 * </ul>
 */
public final class ClusterBuilder {
  public static final String DEFAULT_POD_CIDR = "10.244.0.0/16";
  public static final String DEFAULT_NODE_CIDR = "172.18.0.0/16";

  private final Map<String, KubeNamespace> namespaces = new LinkedHashMap<>();
  private final Map<PodId, PodSpec> pods = new LinkedHashMap<>();
  private final Map<String, NetworkPolicy> policies = new LinkedHashMap<>();
  private final Map<String, AdminNetworkPolicy> admin = new LinkedHashMap<>();
  private Optional<AdminNetworkPolicy> baseline = Optional.empty();
  private final List<Service> services = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private Cidr podCidr = Cidr.parse(DEFAULT_POD_CIDR);
  private Cidr nodeCidr = Cidr.parse(DEFAULT_NODE_CIDR);

  /** A pod before its IP is known. */
  private record PodSpec(PodId id, Labels labels, List<ContainerPort> ports, Optional<IpAddress> ip, boolean hostNetwork, WorkloadId workload) {}

  public ClusterBuilder podCidr(Cidr cidr) {
    this.podCidr = cidr;
    return this;
  }

  public ClusterBuilder nodeCidr(Cidr cidr) {
    this.nodeCidr = cidr;
    return this;
  }

  public ClusterBuilder namespace(KubeNamespace ns) {
    Labels labels = ns.labels().has(KubeNamespace.NAME_LABEL) ? ns.labels() : ns.labels().with(KubeNamespace.NAME_LABEL, ns.name());
    namespaces.put(ns.name(), new KubeNamespace(ns.name(), labels));
    return this;
  }

  /** A namespace with these labels (plus the name label). */
  public ClusterBuilder namespace(String name, Labels labels) {
    return namespace(new KubeNamespace(name, labels));
  }

  /** Adds a pod; a later pod with the same id replaces the earlier one. */
  public ClusterBuilder pod(PodId id, Labels labels, List<ContainerPort> ports, Optional<IpAddress> ip, boolean hostNetwork, WorkloadId workload) {
    pods.put(id, new PodSpec(id, labels, ports, ip, hostNetwork, workload));
    return this;
  }

  /** A bare pod (its own workload) with a synthesised IP. */
  public ClusterBuilder pod(String namespace, String name, Labels labels, ContainerPort... ports) {
    return pod(new PodId(namespace, name), labels, List.of(ports), Optional.empty(), false, new WorkloadId("Pod", namespace, name));
  }

  /** Adds a NetworkPolicy; a later one with the same namespace/name replaces the earlier one, as in the API. */
  public ClusterBuilder policy(NetworkPolicy policy) {
    if (policies.put(policy.qualifiedName(), policy) != null) {
      notes.add("NetworkPolicy " + policy.qualifiedName() + " is defined twice: the later definition wins");
    }
    return this;
  }

  public ClusterBuilder admin(AdminNetworkPolicy policy) {
    if (policy.baseline()) {
      baseline = Optional.of(policy);
    } else {
      if (admin.put(policy.name(), policy) != null) {
        notes.add("AdminNetworkPolicy " + policy.name() + " is defined twice: the later definition wins");
      }
    }
    return this;
  }

  public ClusterBuilder service(Service service) {
    services.add(service);
    return this;
  }

  public ClusterBuilder note(String note) {
    notes.add(note);
    return this;
  }

  public boolean hasNamespace(String name) {
    return namespaces.containsKey(name);
  }

  public Cluster build() {
    Set<String> used = new TreeSet<>();
    pods.keySet().forEach(id -> used.add(id.namespace()));
    policies.values().forEach(p -> used.add(p.namespace()));
    services.forEach(s -> used.add(s.namespace()));
    List<String> out = new ArrayList<>(notes);
    for (String ns : used) {
      if (!namespaces.containsKey(ns)) {
        namespaces.put(ns, KubeNamespace.withDefaultLabels(ns));
        out.add("namespace '" + ns + "' is used but not declared: assumed with only the label " + KubeNamespace.NAME_LABEL + "=" + ns);
      }
    }
    List<Pod> built = assignAddresses(out);
    return new Cluster(
        List.copyOf(namespaces.values()), built, List.copyOf(policies.values()), List.copyOf(admin.values()), baseline, services, List.of(podCidr), out);
  }

  private List<Pod> assignAddresses(List<String> out) {
    List<PodSpec> specs = new ArrayList<>(pods.values());
    specs.sort(Comparator.comparing(PodSpec::id));
    Set<IpAddress> taken = new HashSet<>();
    specs.forEach(s -> s.ip().ifPresent(taken::add));
    List<Pod> built = new ArrayList<>();
    int synthesised = 0;
    for (PodSpec s : specs) {
      IpAddress ip;
      if (s.ip().isPresent()) {
        ip = s.ip().get();
      } else {
        ip = synthesise(s.hostNetwork() ? nodeCidr : podCidr, s.id().toString(), taken);
        taken.add(ip);
        synthesised++;
      }
      built.add(new Pod(s.id(), s.labels(), s.ports(), ip, s.hostNetwork(), s.workload()));
    }
    if (synthesised > 0) {
      out.add(synthesised + " pod(s) have no status.podIP: addresses synthesised from " + podCidr + " (hostNetwork pods from " + nodeCidr + ")");
    }
    return built;
  }

  private static IpAddress synthesise(Cidr cidr, String key, Set<IpAddress> taken) {
    BigInteger size = cidr.size();
    // Leave out the network and broadcast addresses; tiny CIDRs (< 4 addresses) use every address.
    BigInteger usable = size.compareTo(BigInteger.valueOf(4)) < 0 ? size : size.subtract(BigInteger.TWO);
    BigInteger base = size.compareTo(BigInteger.valueOf(4)) < 0 ? BigInteger.ZERO : BigInteger.ONE;
    long hash = fnv1a(key);
    BigInteger offset = new BigInteger(Long.toUnsignedString(hash)).mod(usable);
    for (long probe = 0; probe < 1_000_000; probe++) {
      BigInteger at = base.add(offset.add(BigInteger.valueOf(probe)).mod(usable));
      IpAddress ip = cidr.addressAt(at).orElseThrow();
      if (!taken.contains(ip)) {
        return ip;
      }
    }
    throw new PodCidrFullException(cidr);
  }

  /** More pods without an IP than the pod CIDR has addresses: a user error (choose a larger CIDR). */
  public static final class PodCidrFullException extends IllegalArgumentException {
    PodCidrFullException(Cidr cidr) {
      super("the pod CIDR " + cidr + " has no address left for a pod without status.podIP (choose a larger pod CIDR)");
    }
  }

  private static long fnv1a(String key) {
    long h = 0xcbf29ce484222325L;
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }
}
