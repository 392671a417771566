package dev.weft.dataplane.provision;

import dev.weft.dataplane.plan.NamespaceMapping;
import dev.weft.dataplane.plan.PodPlan;
import dev.weft.dataplane.tap.TapDevice;
import dev.weft.dataplane.tap.TapSpec;
import dev.weft.linux.LinuxDriver;
import dev.weft.linux.Rtnetlink;
import dev.weft.linux.netns.NetnsName;
import dev.weft.linux.netns.NetnsRef;
import dev.weft.linux.route.RouteSpec;
import dev.weft.model.Interface;
import dev.weft.model.NeighborEntry;
import dev.weft.model.route.Route;
import dev.weft.model.value.InterfaceAddress;
import dev.weft.model.value.InterfaceName;
import java.util.ArrayList;
import java.util.List;

/**
 * Sets up a pod for the dataplane: its namespace (created when missing, with loopback up), then for each
 * interface a TAP of that name with the model's MAC, MTU and addresses, up, then the pod's routes and
 * permanent neighbours. All or nothing: a failure closes the TAPs opened so far and removes a namespace
 * it created, then rethrows the driver's typed exception. The TAPs are not persistent, so closing them
 * (or the process dying) removes them.
 */
public final class PodProvisioner {
  private static final InterfaceName LOOPBACK = InterfaceName.of("lo");

  private final LinuxDriver driver;
  private final NamespaceMapping mapping;
  private final boolean offloads;

  public PodProvisioner(LinuxDriver driver, NamespaceMapping mapping, boolean offloads) {
    this.driver = driver;
    this.mapping = mapping;
    this.offloads = offloads;
  }

  public ProvisionedPod provision(PodPlan pod) {
    NetnsRef.Named ns = mapping.pod(pod.namespace());
    NetnsName name = ns.name();
    boolean created = !driver.namespaces().exists(name);
    if (created) {
      driver.namespaces().create(name);
    }
    List<ProvisionedPod.Tap> taps = new ArrayList<>();
    try (Rtnetlink rt = driver.rtnetlink(ns)) {
      rt.links().setUp(LOOPBACK);
      for (Interface i : pod.taps()) {
        TapDevice device = TapDevice.open(driver.threads(), new TapSpec(ns, i.ref().name(), offloads));
        taps.add(new ProvisionedPod.Tap(i, device));
        configure(rt, i);
      }
      for (Route r : pod.routes()) {
        rt.routes().replace(spec(r));
      }
      for (NeighborEntry n : pod.neighbors()) {
        rt.neighbours().replace(n.device(), n.address(), n.mac());
      }
      return new ProvisionedPod(pod, ns, taps, created);
    } catch (RuntimeException e) {
      taps.forEach(t -> t.device().close());
      if (created) {
        try {
          driver.namespaces().deleteIfExists(name);
        } catch (RuntimeException cleanup) {
          e.addSuppressed(cleanup);
        }
      }
      throw e;
    }
  }

  /** Closes the pod's TAPs (the kernel removes them) and removes its namespace if the dataplane made it. */
  public void release(ProvisionedPod pod) {
    pod.taps().forEach(t -> t.device().close());
    if (pod.createdNamespace() && pod.namespace() instanceof NetnsRef.Named n) {
      driver.namespaces().deleteIfExists(n.name());
    }
  }

  private static void configure(Rtnetlink rt, Interface i) {
    InterfaceName name = i.ref().name();
    rt.links().setMac(name, i.mac());
    rt.links().setMtu(name, i.mtu());
    for (InterfaceAddress a : i.addresses()) {
      rt.addresses().add(name, a, !a.address().isIpv4());
    }
    if (i.up()) {
      rt.links().setUp(name);
    }
  }

  static RouteSpec spec(Route r) {
    RouteSpec spec = RouteSpec.to(r.destination()).dev(r.device());
    if (r.gateway().isPresent()) {
      spec = spec.via(r.gateway().get());
    }
    if (r.onlink()) {
      spec = spec.withOnlink();
    }
    return r.metric() == 0 ? spec : spec.metric(r.metric());
  }
}
