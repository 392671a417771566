package dev.weft.dataplane.plan;

import dev.weft.linux.netns.NetnsName;
import dev.weft.linux.netns.NetnsRef;
import dev.weft.model.value.Name;

/**
 * Which kernel namespace plays which model namespace. On a real host the host's stack is the
 * dataplane's own namespace and each pod is {@code /run/netns/NAME}; tests and labs run a host inside a
 * namespace and give pods a unique prefix.
 *
 * @param hostNamespace where the host's underlay sockets are opened
 * @param podPrefix prepended to a pod's model name to name its namespace under /run/netns
 */
public record NamespaceMapping(NetnsRef hostNamespace, String podPrefix) {

  /** The dataplane runs on the host itself: its own namespace, pods under their model names. */
  public static NamespaceMapping onHost() {
    return new NamespaceMapping(NetnsRef.home(), "");
  }

  public NetnsRef.Named pod(Name namespace) {
    return new NetnsRef.Named(NetnsName.of(podPrefix + namespace.value()));
  }
}
