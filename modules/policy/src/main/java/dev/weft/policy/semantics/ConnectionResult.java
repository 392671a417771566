package dev.weft.policy.semantics;

import dev.weft.policy.model.Protocol;
import dev.weft.policy.ports.PortSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The full semantics of one (source, destination) pair.
 *
 * @param kind whether the pair was evaluated, or is the same pod, or involves a hostNetwork pod
 * @param allowed the allowed protocols and ports; empty when {@code kind} is HOST_NETWORK (not guessed)
 */
public record ConnectionResult(
    Endpoint source, Endpoint destination, Kind kind, Optional<DirectionResult> egress, Optional<DirectionResult> ingress, Optional<PortSet> allowed) {

  /** How the pair was decided. */
  public enum Kind {
    /** Both directions evaluated. */
    EVALUATED,
    /** A pod to itself: always allowed. */
    SELF,
    /** A hostNetwork pod is involved: NetworkPolicy behaviour is undefined there, so no verdict. */
    HOST_NETWORK
  }

  /** Allowed, denied or undetermined for one protocol and port, with the deciding rules per direction. */
  public Verdict decide(Protocol protocol, int port) {
    return switch (kind) {
      case SELF -> new Verdict(Verdict.Outcome.ALLOWED, List.of(), List.of("a pod may always reach itself"));
      case HOST_NETWORK -> new Verdict(Verdict.Outcome.UNDETERMINED, List.of(),
          List.of("a hostNetwork pod is involved: NetworkPolicy does not define what applies to it"));
      case EVALUATED -> {
        List<DirectionResult.DirectionDecision> ds = new ArrayList<>();
        egress.ifPresent(e -> ds.add(e.decide(protocol, port)));
        ingress.ifPresent(i -> ds.add(i.decide(protocol, port)));
        boolean ok = ds.stream().allMatch(DirectionResult.DirectionDecision::allowed);
        yield new Verdict(ok ? Verdict.Outcome.ALLOWED : Verdict.Outcome.DENIED, ds, ds.stream().map(d -> d.direction().lower() + ": " + d.reason()).toList());
      }
    };
  }
}
