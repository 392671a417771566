package dev.weft.policy.semantics;

import dev.weft.model.value.IpAddress;
import dev.weft.policy.model.Pod;

/** One end of a connection: a pod, or an address outside the pod network. */
public sealed interface Endpoint {
  IpAddress ip();

  /** A pod endpoint. */
  record PodEndpoint(Pod pod) implements Endpoint {
    @Override
    public IpAddress ip() {
      return pod.ip();
    }

    @Override
    public String toString() {
      return pod.id().toString();
    }
  }

  /** An external address (what ipBlock and ANP networks are meant for). */
  record External(IpAddress ip) implements Endpoint {
    @Override
    public String toString() {
      return ip.toString();
    }
  }

  static Endpoint of(Pod pod) {
    return new PodEndpoint(pod);
  }

  static Endpoint of(IpAddress ip) {
    return new External(ip);
  }
}
