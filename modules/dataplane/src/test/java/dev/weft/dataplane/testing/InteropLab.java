package dev.weft.dataplane.testing;

import dev.weft.dataplane.Dataplane;
import dev.weft.dataplane.DataplaneOptions;
import dev.weft.dataplane.RunningDataplane;
import dev.weft.dataplane.plan.HostPlan;
import dev.weft.dataplane.provision.KernelDevices;
import dev.weft.dataplane.plan.HostPlanner;
import dev.weft.dataplane.plan.NamespaceMapping;
import dev.weft.dataplane.plan.PlanOptions;
import dev.weft.lab.LabName;
import dev.weft.lab.LabSelector;
import dev.weft.lab.Labs;
import dev.weft.lab.deploy.DeployOptions;
import dev.weft.lab.deploy.Privileges;
import dev.weft.lab.record.LabRecords;
import dev.weft.linux.LinuxDriver;
import dev.weft.linux.netns.NetnsName;
import dev.weft.linux.netns.NetnsRef;
import dev.weft.linux.testing.TestNames;
import dev.weft.model.InterfaceRef;
import dev.weft.model.NetworkModel;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Name;
import dev.weft.topology.TopologyLoad;
import dev.weft.topology.TopologyLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A topology deployed into kernel namespaces by weft's lab, with some hosts handed over to the userspace
 * dataplane: the kernel devices the dataplane replaces (bridges, tunnels, pod veths) are deleted, then a
 * dataplane runs for the host inside the lab's namespaces. Closing stops the dataplanes and destroys the
 * lab (every namespace it made).
 */
public final class InteropLab implements AutoCloseable {
  private final Labs labs;
  private final LabName lab;
  private final NetworkModel model;
  private final List<RunningDataplane> running = new ArrayList<>();

  private InteropLab(Labs labs, LabName lab, NetworkModel model) {
    this.labs = labs;
    this.lab = lab;
    this.model = model;
  }

  /**
   * Deploys {@code kernelYaml} (the part the kernel runs: usually the whole topology, or the topology
   * without overlays the kernel cannot build, such as GRE) and keeps {@code model} for the dataplanes.
   */
  public static InteropLab deploy(LinuxDriver driver, Path records, String kernelYaml, NetworkModel model) {
    Labs labs = new Labs(driver, new LabRecords(records), Privileges.ofThisProcess(), new TopologyLoader());
    LabName lab = LabName.of(TestNames.fresh(""));
    InteropLab out = new InteropLab(labs, lab, model);
    try {
      labs.deploy(load(kernelYaml), DeployOptions.defaults().withLab(lab));
    } catch (RuntimeException e) {
      out.close();
      throw e;
    }
    return out;
  }

  public static NetworkModel load(String yaml) {
    return switch (new TopologyLoader().load("test.yaml", yaml)) {
      case TopologyLoad.Loaded l -> l.model();
      case TopologyLoad.Invalid i -> throw new AssertionError("invalid topology: " + i.diagnostics() + "\n" + yaml);
    };
  }

  public NetworkModel model() {
    return model;
  }

  /** The kernel namespace that plays a model namespace. */
  public NetnsRef.Named ns(String modelNamespace) {
    return new NetnsRef.Named(NetnsName.of(lab.value() + "-" + modelNamespace));
  }

  /** The first address of a model interface, e.g. {@code address("b-1", "eth0")}. */
  public IpAddress address(String namespace, String iface) {
    return model.iface(InterfaceRef.of(namespace, iface)).orElseThrow().addresses().getFirst().address();
  }

  public NamespaceMapping mapping(String host) {
    return new NamespaceMapping(ns(host), lab.value() + "-");
  }

  /** Replaces the kernel's devices of {@code host} by a dataplane and starts it. */
  public RunningDataplane handOver(String host, DataplaneOptions options) {
    Name name = Name.of(host);
    HostPlan plan = new HostPlanner(model, options.plan()).plan(name);
    new KernelDevices(labs.driver()).release(plan, mapping(host));
    RunningDataplane dp = Dataplane.start(model, name, options.withNamespaces(mapping(host)));
    running.add(dp);
    return dp;
  }

  public static DataplaneOptions options() {
    return DataplaneOptions.defaults().withPlan(PlanOptions.DEFAULTS);
  }

  @Override
  public void close() {
    RuntimeException failure = null;
    for (RunningDataplane dp : running) {
      try {
        dp.close();
      } catch (RuntimeException e) {
        failure = e;
      }
    }
    try {
      labs.destroy(new LabSelector.ByName(lab));
    } catch (RuntimeException e) {
      if (failure != null) {
        e.addSuppressed(failure);
      }
      throw e;
    }
    if (failure != null) {
      throw failure;
    }
  }
}
