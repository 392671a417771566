package dev.weft.cli.view;

import dev.weft.model.Host;
import dev.weft.model.Interface;
import dev.weft.model.Namespace;
import dev.weft.model.NetworkModel;
import dev.weft.model.Segment;
import dev.weft.model.route.Route;
import dev.weft.model.value.InterfaceAddress;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/** The text of {@code weft show}: hosts, namespaces, interfaces with addresses and links, routes. */
public final class ModelSummary {
  private ModelSummary() {}

  public static void print(NetworkModel model, PrintWriter out) {
    out.printf("topology %s: %s, %s, %s, %s%n", model.name(), count(model.hosts().size(), "host"),
        count(model.namespaces().size(), "namespace"), count(model.allInterfaces().size(), "interface"),
        count(model.segments().size(), "segment"));
    for (Segment s : model.segments()) {
      out.printf("segment %s (%s, mtu %s)%s%n", s.name(), s.kind().name().toLowerCase(), s.mtu(),
          s.subnets().isEmpty() ? "" : " " + s.subnets().stream().map(Object::toString).collect(Collectors.joining(" ")));
    }
    for (Host h : model.hosts()) {
      out.printf("%nhost %s%n", h.name());
      for (Namespace ns : model.namespacesOn(h.name())) {
        printNamespace(model, ns, out);
      }
    }
    out.flush();
  }

  public static String count(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }

  private static void printNamespace(NetworkModel model, Namespace ns, PrintWriter out) {
    String role = ns.isHostRoot() ? "host stack" : ns.mode().keyword();
    out.printf("  namespace %s (%s%s)%n", ns.name(), role, ns.ipForward() && !ns.isHostRoot() ? ", forwarding" : "");
    if (ns.sharesHostStack()) {
      out.printf("    shares the stack of %s%n", ns.host());
      return;
    }
    List<Interface> ifaces = model.interfaces(ns.name());
    int nameWidth = ifaces.stream().mapToInt(i -> i.ref().name().value().length()).max().orElse(2);
    for (Interface i : ifaces) {
      String addrs = i.addresses().stream().map(InterfaceAddress::toString).collect(Collectors.joining(" "));
      String details = InterfaceDetails.describe(model, i);
      out.printf("    %-" + nameWidth + "s  %-8s  mtu %-5s  %-18s%s%n", i.ref().name(), i.kind().keyword(), i.mtu(),
          addrs.isEmpty() ? "-" : addrs, details.isEmpty() ? "" : "  " + details);
    }
    List<Route> routes = model.routes(ns.name()).routes();
    for (Route r : routes) {
      out.printf("    route %s%n", r);
    }
    model.neighbors(ns.name()).forEach(n ->
        out.printf("    neighbor %s lladdr %s dev %s permanent%n", n.address(), n.mac(), n.device()));
  }
}
