package dev.weft.policy.analysis;

import dev.weft.model.value.Cidr;
import dev.weft.policy.model.Pod;
import java.util.List;

/**
 * One endpoint class: pods that every policy treats alike, or external address ranges that every ipBlock
 * treats alike. {@code external} holds sorted CIDR blocks for an external class and nothing for a pod class.
 */
public record EndpointClass(int id, Kind kind, List<Pod> pods, List<Cidr> external) {
  public EndpointClass {
    pods = List.copyOf(pods);
    external = List.copyOf(external);
  }

  /** What the members of a class are. */
  public enum Kind {
    PODS,
    HOST_NETWORK_PODS,
    EXTERNAL
  }
}
