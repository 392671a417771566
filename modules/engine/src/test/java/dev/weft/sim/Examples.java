package dev.weft.sim;

import dev.weft.model.NetworkModel;
import dev.weft.topology.TopologyLoad;
import dev.weft.topology.TopologyLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The example topologies of the repository (topologies/*.yaml) and the hand-built ones of these tests. */
final class Examples {
  private Examples() {}

  static Path repositoryTopologies() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("topologies"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("no topologies/ directory above " + Path.of("").toAbsolutePath());
    }
    return dir.resolve("topologies");
  }

  static List<Path> yamlFiles() {
    try (Stream<Path> s = Files.list(repositoryTopologies())) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static NetworkModel load(Path file) {
    TopologyLoad load = new TopologyLoader().load(file);
    if (load instanceof TopologyLoad.Loaded l) {
      return l.model();
    }
    throw new IllegalStateException(file + " does not load: " + load.diagnostics());
  }

  /** Every example, by name: the repository's YAML files and the hand-built models. */
  static Map<String, NetworkModel> all() {
    Map<String, NetworkModel> out = new LinkedHashMap<>();
    for (Path p : yamlFiles()) {
      out.put(p.getFileName().toString().replace(".yaml", ""), load(p));
    }
    out.put("built-single-host-bridge", Topologies.singleHostBridge());
    out.put("built-two-host-vxlan", Topologies.twoHostVxlan());
    out.put("built-two-host-gre", Topologies.twoHostGre());
    out.put("built-flannel", Topologies.flannel(3, 2, 1450));
    out.put("built-host-and-none", Topologies.hostAndNone());
    out.put("built-routing-loop", Topologies.routingLoop());
    out.put("built-external", Topologies.external());
    return out;
  }
}
