package dev.weft.lab.inspect;

import java.util.List;

/** One lab namespace as read back from the kernel, in words, for {@code weft inspect}. */
public record NamespaceView(String name, String role, String model, List<String> links, List<String> addresses,
    List<String> routes, List<String> neighbours, List<String> fdb, List<String> rules) {
  public NamespaceView {
    links = List.copyOf(links);
    addresses = List.copyOf(addresses);
    routes = List.copyOf(routes);
    neighbours = List.copyOf(neighbours);
    fdb = List.copyOf(fdb);
    rules = List.copyOf(rules);
  }
}
