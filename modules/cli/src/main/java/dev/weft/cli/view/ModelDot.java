package dev.weft.cli.view;

import dev.weft.model.Host;
import dev.weft.model.Interface;
import dev.weft.model.InterfaceKind;
import dev.weft.model.Namespace;
import dev.weft.model.NetworkModel;
import dev.weft.model.Relation;
import dev.weft.model.Segment;
import dev.weft.model.value.InterfaceAddress;
import java.io.PrintWriter;
import java.util.stream.Collectors;

/**
 * Graphviz DOT for {@code weft graph -o dot}: a cluster per host with a nested cluster per namespace,
 * one node per interface shaped by kind, segments outside every host. Route edges are left out: they
 * would hide the wiring, and {@code -o json} carries them.
 */
public final class ModelDot {
  private ModelDot() {}

  public static void print(NetworkModel model, PrintWriter out) {
    out.println("digraph " + quote(model.name().value()) + " {");
    out.println("  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=11, compound=true];");
    out.println("  node [fontname=\"Helvetica\", fontsize=10];");
    out.println("  edge [fontname=\"Helvetica\", fontsize=9];");
    for (Host h : model.hosts()) {
      out.println("  subgraph " + quote("cluster_" + h.id()) + " {");
      out.println("    label=" + quote("host " + h.name()) + "; style=\"rounded,bold\";");
      for (Namespace ns : model.namespacesOn(h.name())) {
        printNamespace(model, ns, out);
      }
      out.println("  }");
    }
    for (Segment s : model.segments()) {
      out.println("  " + quote(s.id()) + " [label=" + quote(s.name() + "\\n" + s.kind().name().toLowerCase())
          + ", shape=ellipse, style=filled, fillcolor=\"#e8e8e8\"];");
    }
    for (Relation r : model.graph().edgeSet()) {
      String edge = switch (r) {
        case Relation.VethPeer p -> edge(p.a().toString(), p.b().toString(), "dir=none, penwidth=1.5");
        case Relation.BridgePort bp -> edge(bp.port().toString(), bp.bridge().toString(), "style=dashed, arrowhead=none");
        case Relation.TunnelOver t -> edge(t.tunnel().toString(), t.underlay().toString(), "style=dotted, label=\"over\"");
        case Relation.AttachedTo a -> "  " + quote("if:" + a.iface()) + " -> " + quote("seg:" + a.segment()) + " [dir=none];";
        case Relation.OnHost ignored -> "";
        case Relation.InNamespace ignored -> "";
        case Relation.RouteVia ignored -> "";
      };
      if (!edge.isEmpty()) {
        out.println(edge);
      }
    }
    out.println("}");
    out.flush();
  }

  private static void printNamespace(NetworkModel model, Namespace ns, PrintWriter out) {
    String label = ns.name() + (ns.isHostRoot() ? " (host stack)" : " (" + ns.mode().keyword() + ")");
    out.println("    subgraph " + quote("cluster_" + ns.id()) + " {");
    out.println("      label=" + quote(label) + "; style=dashed;");
    if (ns.sharesHostStack()) {
      out.println("      " + quote(ns.id()) + " [label=" + quote("shares " + ns.host()) + ", shape=plaintext];");
    }
    for (Interface i : model.interfaces(ns.name())) {
      String addrs = i.addresses().stream().filter(a -> !a.address().isLoopback())
          .map(InterfaceAddress::toString).collect(Collectors.joining("\\n"));
      String text = i.ref().name() + (addrs.isEmpty() ? "" : "\\n" + addrs);
      if (i.kind() instanceof InterfaceKind.Vxlan x) {
        text += "\\nvni " + x.vni();
      }
      out.println("      " + quote(i.id()) + " [label=" + quote(text) + ", shape=" + shape(i.kind()) + "];");
    }
    out.println("    }");
  }

  /** Each interface kind gets its own shape, so a drawing reads without a legend. */
  static String shape(InterfaceKind kind) {
    return switch (kind) {
      case InterfaceKind.Loopback l -> "circle";
      case InterfaceKind.Veth v -> "box";
      case InterfaceKind.Bridge b -> "hexagon";
      case InterfaceKind.Vxlan x -> "cds";
      case InterfaceKind.Gre g -> "parallelogram";
      case InterfaceKind.Tap t -> "note";
      case InterfaceKind.Physical p -> "box3d";
    };
  }

  private static String edge(String from, String to, String attrs) {
    return "  " + quote("if:" + from) + " -> " + quote("if:" + to) + " [" + attrs + "];";
  }

  static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\\\\n", "\\n") + '"';
  }
}
