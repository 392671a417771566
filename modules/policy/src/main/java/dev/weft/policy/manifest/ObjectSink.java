package dev.weft.policy.manifest;

import dev.weft.document.Origin;
import dev.weft.model.value.IpAddress;
import dev.weft.policy.model.AdminNetworkPolicy;
import dev.weft.policy.model.KubeNamespace;
import dev.weft.policy.model.NetworkPolicy;
import dev.weft.policy.model.Service;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The manifest reader's own input model: what the documents declared, before pods are materialised. */
final class ObjectSink {
  record WorkloadDecl(String kind, String namespace, String name, int replicas, PodTemplate template, Origin origin) {}

  record PodDecl(String namespace, String name, PodTemplate template, Optional<IpAddress> ip, Optional<String> ownerKind, Optional<String> ownerName, Origin origin) {}

  final List<KubeNamespace> namespaces = new ArrayList<>();
  final List<WorkloadDecl> workloads = new ArrayList<>();
  final List<PodDecl> pods = new ArrayList<>();
  final List<Service> services = new ArrayList<>();
  final List<NetworkPolicy> policies = new ArrayList<>();
  final List<AdminNetworkPolicy> admins = new ArrayList<>();
  /** Where each namespace was first used, for the warning about undeclared ones. */
  final Map<String, Origin> namespaceUse = new LinkedHashMap<>();
  /** Ignored kinds: first place seen and how many. */
  final Map<String, Origin> ignoredFirst = new LinkedHashMap<>();
  final Map<String, Integer> ignoredCount = new LinkedHashMap<>();

  void used(String namespace, Origin at) {
    namespaceUse.putIfAbsent(namespace, at);
  }
}
