package dev.weft.bench.dataplane;

import dev.weft.dataplane.Dataplane;
import dev.weft.dataplane.DataplaneOptions;
import dev.weft.dataplane.RunningDataplane;
import dev.weft.dataplane.plan.NamespaceMapping;
import dev.weft.dataplane.stats.StatsText;
import dev.weft.linux.netns.NetnsName;
import dev.weft.linux.netns.NetnsRef;
import dev.weft.model.Interface;
import dev.weft.model.InterfaceKind;
import dev.weft.model.Namespace;
import dev.weft.model.NamespaceRole;
import dev.weft.model.NetworkModel;
import dev.weft.model.route.Route;
import dev.weft.model.value.Name;
import dev.weft.topology.TopologyLoad;
import dev.weft.topology.TopologyLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The benchmark's stand-in for {@code weft dataplane run}:
 * <ul>
 *   <li>{@code run FILE HOST HOST_NETNS POD_PREFIX offloads|segmented|plain} runs weft's dataplane for one host of
 *       a topology inside a namespace the caller made (offloads: virtio-net TAPs, VXLAN batches leave whole
 *       for the kernel to cut; segmented: the same TAPs, batches cut into datagrams in userspace; plain: no
 *       offloads), until SIGTERM or SIGINT; prints {@code ready} once the pods' TAPs are up and the counters when it stops;</li>
 *   <li>{@code describe FILE} prints each pod interface as {@code NAMESPACE IFACE ADDRESS/LEN MAC
 *       GATEWAY}, so a kernel-built host can mirror the model exactly.</li>
 * </ul>
 * Exit 2 on bad arguments or an invalid topology.
 */
public final class DataplaneHost {
  private DataplaneHost() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length == 2 && args[0].equals("describe")) {
      describe(load(Path.of(args[1])));
    } else if (args.length == 6 && args[0].equals("run") && List.of("offloads", "segmented", "plain").contains(args[5])) {
      NamespaceMapping mapping = new NamespaceMapping(new NetnsRef.Named(NetnsName.of(args[3])), args[4]);
      run(load(Path.of(args[1])), Name.of(args[2]), DataplaneOptions.defaults().withNamespaces(mapping)
          .withOffloads(!args[5].equals("plain")).withTunnelSegmentation(args[5].equals("offloads")));
    } else {
      System.err.println("usage: DataplaneHost run TOPOLOGY.yaml HOST HOST_NETNS POD_PREFIX offloads|segmented|plain\n"
          + "       DataplaneHost describe TOPOLOGY.yaml");
      System.exit(2);
    }
  }

  private static void run(NetworkModel model, Name host, DataplaneOptions options) throws InterruptedException {
    RunningDataplane dp = Dataplane.start(model, host, options);
    Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
      System.out.println(StatsText.render(dp.stats()));
      dp.close();
    }));
    System.out.println("ready");
    System.out.flush();
    dp.awaitStop();
  }

  private static void describe(NetworkModel model) {
    for (Namespace ns : model.namespaces()) {
      if (ns.role() != NamespaceRole.CONTAINER) {
        continue;
      }
      String gateway = model.routes(ns.name()).routes().stream().filter(Route::isDefault)
          .flatMap(r -> r.gateway().stream()).map(Object::toString).findFirst().orElse("-");
      for (Interface i : model.interfaces(ns.name())) {
        if (i.kind() instanceof InterfaceKind.Loopback) {
          continue;
        }
        i.addresses().stream().filter(a -> a.address().isIpv4()).findFirst().ifPresent(a ->
            System.out.println(ns.name().value() + " " + i.ref().name() + " " + a + " " + i.mac() + " " + gateway));
      }
    }
  }

  private static NetworkModel load(Path file) throws IOException {
    return switch (new TopologyLoader().load(file.toString(), Files.readString(file, StandardCharsets.UTF_8))) {
      case TopologyLoad.Loaded l -> l.model();
      case TopologyLoad.Invalid i -> {
        System.err.println("invalid topology " + file + ": " + i.diagnostics());
        System.exit(2);
        throw new IllegalStateException("unreachable");
      }
    };
  }
}
