package dev.weft.topology;

import dev.weft.document.DiagnosticKind;

/**
 * Problems in how a topology's parts fit together (each value on its own is checked while reading; see
 * {@link dev.weft.document.DocumentProblem} for those kinds).
 */
public enum TopologyProblem implements DiagnosticKind {
  /** The file holds no topology, or more than one document. */
  NOT_ONE_DOCUMENT("not-one-document"),
  /** Two hosts/namespaces, bridges of a host, interfaces of a namespace, overlays or networks share a name. */
  DUPLICATE_NAME("duplicate-name"),
  /** A reference to a namespace, interface, bridge, host, network or device that does not exist. */
  UNKNOWN_REFERENCE("unknown-reference"),
  /** An address or gateway outside the subnet it has to be in. */
  OUTSIDE_SUBNET("outside-subnet"),
  /** Two subnets that must be disjoint overlap. */
  SUBNET_OVERLAP("subnet-overlap"),
  /** One address on two interfaces. */
  DUPLICATE_ADDRESS("duplicate-address"),
  /** A pods short form needs more addresses than its bridge's subnet has left. */
  SUBNET_EXHAUSTED("subnet-exhausted"),
  /** Warning: an inner MTU larger than the overlay can carry without fragmenting. */
  MTU_TOO_LARGE("mtu-too-large"),
  /** A namespace's mode contradicts its wiring (a none-mode namespace with interfaces, for example). */
  MODE_CONFLICT("mode-conflict"),
  /** Parts that cannot be wired as written (a veth across hosts, an overlay with one member). */
  INVALID_WIRING("invalid-wiring"),
  /** Warning: an interface that nothing connects. */
  UNCONNECTED("unconnected"),
  /** Warning: a layer-2 loop, such as a full mesh of gretap ports on bridges without STP. */
  L2_LOOP("l2-loop"),
  /** A setting that applies to one address family only, given for the other. */
  UNSUPPORTED_FAMILY("unsupported-family"),
  /** The network model refused the converted topology: a check above is missing (please report it). */
  MODEL_INVARIANT("model-invariant");

  private final String id;

  TopologyProblem(String id) {
    this.id = id;
  }

  @Override
  public String id() {
    return id;
  }
}
