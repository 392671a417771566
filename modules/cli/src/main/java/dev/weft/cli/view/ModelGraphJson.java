package dev.weft.cli.view;

import dev.weft.model.Host;
import dev.weft.model.Interface;
import dev.weft.model.InterfaceKind;
import dev.weft.model.Namespace;
import dev.weft.model.NetworkModel;
import dev.weft.model.Node;
import dev.weft.model.Relation;
import dev.weft.model.Segment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The graph as data for {@code weft graph -o json}: every vertex and every typed edge, routes included. */
public final class ModelGraphJson {
  private ModelGraphJson() {}

  public record GraphDocument(String name, List<NodeData> nodes, List<EdgeData> edges) {}

  public record NodeData(String id, String type, Map<String, Object> attributes) {}

  public record EdgeData(String type, String source, String target, Map<String, Object> attributes) {}

  public static GraphDocument of(NetworkModel model) {
    List<NodeData> nodes = model.graph().vertexSet().stream().map(ModelGraphJson::node).toList();
    List<EdgeData> edges = model.graph().edgeSet().stream()
        .map(e -> edge(e, model.graph().getEdgeSource(e), model.graph().getEdgeTarget(e))).toList();
    return new GraphDocument(model.name().value(), nodes, edges);
  }

  private static NodeData node(Node n) {
    Map<String, Object> a = new LinkedHashMap<>();
    String type = switch (n) {
      case Host h -> {
        a.put("name", h.name());
        yield "host";
      }
      case Namespace ns -> {
        a.put("name", ns.name());
        a.put("host", ns.host());
        a.put("role", ns.role());
        a.put("mode", ns.mode().keyword());
        a.put("ipForward", ns.ipForward());
        yield "namespace";
      }
      case Interface i -> {
        a.put("namespace", i.ref().namespace());
        a.put("name", i.ref().name());
        a.put("kind", i.kind().keyword());
        a.put("mac", i.mac());
        a.put("mtu", i.mtu());
        a.put("addresses", i.addresses());
        a.put("up", i.up());
        if (!(i.kind() instanceof InterfaceKind.Loopback || i.kind() instanceof InterfaceKind.Physical
            || i.kind() instanceof InterfaceKind.Tap)) {
          a.put("settings", i.kind());
        }
        yield "interface";
      }
      case Segment s -> {
        a.put("name", s.name());
        a.put("kind", s.kind());
        a.put("subnets", s.subnets());
        a.put("mtu", s.mtu());
        yield "segment";
      }
    };
    return new NodeData(n.id(), type, a);
  }

  private static EdgeData edge(Relation r, Node source, Node target) {
    Map<String, Object> a = new LinkedHashMap<>();
    String type = switch (r) {
      case Relation.OnHost x -> "on-host";
      case Relation.InNamespace x -> "in-namespace";
      case Relation.VethPeer x -> "veth-peer";
      case Relation.BridgePort x -> "bridge-port";
      case Relation.TunnelOver x -> "tunnel-over";
      case Relation.AttachedTo x -> "attached-to";
      case Relation.RouteVia rv -> {
        a.put("route", rv.route().toString());
        yield "route-via";
      }
    };
    return new EdgeData(type, source.id(), target.id(), a);
  }
}
