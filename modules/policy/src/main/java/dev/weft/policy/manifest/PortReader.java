package dev.weft.policy.manifest;

import dev.weft.document.DocNode;
import dev.weft.document.Element;
import dev.weft.document.MapReader;
import dev.weft.document.ScalarKind;
import dev.weft.model.value.PortRange;
import dev.weft.policy.model.PortMatch;
import dev.weft.policy.model.Protocol;
import java.util.Optional;

/** Reads NetworkPolicyPort and the admin tiers' port forms into {@link PortMatch}. */
final class PortReader {
  private PortReader() {}

  static Optional<Protocol> protocol(MapReader m, String key) {
    if (!m.has(key)) {
      return Optional.of(Protocol.TCP);
    }
    return m.requireString(key).flatMap(t -> {
      // the API spells protocols in capitals; anything else is rejected by the API server
      Optional<Protocol> p = Protocol.parse(t).filter(x -> x.name().equals(t));
      if (p.isEmpty()) {
        m.get(key).ifPresent(el -> el.error(ManifestProblem.INVALID_POLICY, "unknown protocol '" + t + "'", "TCP, UDP or SCTP"));
      }
      return p;
    });
  }

  /** A NetworkPolicyPort: {@code {protocol, port, endPort}}. */
  static Optional<PortMatch> networkPolicyPort(Element e) {
    return e.map("protocol", "port", "endPort").flatMap(m -> {
      Optional<Protocol> proto = protocol(m, "protocol");
      if (proto.isEmpty()) {
        return Optional.empty();
      }
      Optional<Element> port = m.get("port");
      if (port.isEmpty() || port.get().isNull()) {
        if (m.has("endPort")) {
          e.error(ManifestProblem.INVALID_POLICY, "endPort without port", "a numeric port with endPort");
          return Optional.empty();
        }
        return Optional.of(PortMatch.ProtocolPorts.allOf(proto.get()));
      }
      if (port.get().node() instanceof DocNode.DocScalar s && s.kind() == ScalarKind.STRING) {
        if (m.has("endPort")) {
          e.error(ManifestProblem.INVALID_POLICY, "endPort with a named port", "a numeric port with endPort");
          return Optional.empty();
        }
        return Optional.of(new PortMatch.NamedPort(s.text(), proto));
      }
      Optional<Integer> first = port.get().integer(1, 65535);
      if (first.isEmpty()) {
        return Optional.empty();
      }
      if (!m.has("endPort")) {
        return Optional.of(PortMatch.ProtocolPorts.single(proto.get(), first.get()));
      }
      return m.integer("endPort", first.get(), 65535).map(end -> new PortMatch.ProtocolPorts(proto.get(), new PortRange(first.get(), end)));
    });
  }

  /** An AdminNetworkPolicyPort: exactly one of portNumber, namedPort, portRange. */
  static Optional<PortMatch> adminPort(Element e) {
    return e.map("portNumber", "namedPort", "portRange").flatMap(m -> {
      int set = (m.has("portNumber") ? 1 : 0) + (m.has("namedPort") ? 1 : 0) + (m.has("portRange") ? 1 : 0);
      if (set != 1) {
        e.error(ManifestProblem.INVALID_POLICY, "an admin port needs exactly one form", "one of portNumber, namedPort, portRange");
        return Optional.empty();
      }
      if (m.has("namedPort")) {
        return m.requireString("namedPort").map(n -> new PortMatch.NamedPort(n, Optional.empty()));
      }
      if (m.has("portNumber")) {
        return m.map("portNumber", "protocol", "port").flatMap(pn -> {
          Optional<Protocol> p = protocol(pn, "protocol");
          return pn.integer("port", 1, 65535).flatMap(port -> p.map(pp -> PortMatch.ProtocolPorts.single(pp, port)));
        });
      }
      return m.map("portRange", "protocol", "start", "end").flatMap(pr -> {
        Optional<Protocol> p = protocol(pr, "protocol");
        Optional<Integer> start = pr.integer("start", 1, 65535);
        Optional<Integer> end = start.flatMap(s -> pr.integer("end", s, 65535));
        return p.flatMap(pp -> start.flatMap(s -> end.map(en -> new PortMatch.ProtocolPorts(pp, new PortRange(s, en)))));
      });
    });
  }
}
