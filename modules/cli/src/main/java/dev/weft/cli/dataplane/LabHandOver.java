package dev.weft.cli.dataplane;

import dev.weft.cli.RefusedException;
import dev.weft.dataplane.plan.HostPlan;
import dev.weft.dataplane.plan.NamespaceMapping;
import dev.weft.dataplane.provision.KernelDevices;
import dev.weft.lab.LabName;
import dev.weft.lab.Labs;
import dev.weft.lab.plan.KernelNames;
import dev.weft.lab.record.LabRecord;
import dev.weft.linux.netns.NetnsRef;
import dev.weft.model.NetworkModel;

/**
 * Takes one host of a lab deployed by {@code weft deploy} away from the kernel so the userspace dataplane
 * can run it: the lab's namespaces keep playing the host and its pods, and the kernel devices the
 * dataplane replaces (the host's bridges, VXLAN and GRE devices, and the pods' veths, whose ends become
 * TAPs) are deleted first. The host's underlay link stays the kernel's. It lives in the CLI because it
 * joins two libraries that do not know each other: the lab's naming and the dataplane's plan.
 */
final class LabHandOver {
  private final Labs labs;

  LabHandOver(Labs labs) {
    this.labs = labs;
  }

  /** Checks the lab holds this topology and host, deletes what the dataplane replaces, and maps the names. */
  NamespaceMapping prepare(LabName lab, NetworkModel model, HostPlan plan) {
    LabRecord record = labs.records().load(lab).orElseThrow(() -> new RefusedException("no lab '" + lab
        + "' is deployed (no record in " + labs.records().directory() + "): deploy it first with 'weft deploy FILE --prefix "
        + lab + "'"));
    if (!record.topology().equals(model.name().value())) {
      throw new RefusedException("lab '" + lab + "' holds topology '" + record.topology() + "', not '" + model.name()
          + "': run the dataplane with the file the lab was deployed from");
    }
    NetnsRef.Named host = new NetnsRef.Named(new KernelNames(lab).stack(plan.host()));
    if (!labs.driver().namespaces().exists(host.name())) {
      throw new RefusedException("lab '" + lab + "' has no namespace " + host.name() + " for host " + plan.host()
          + ": redeploy it with 'weft deploy'");
    }
    NamespaceMapping mapping = new NamespaceMapping(host, lab.value() + "-");
    new KernelDevices(labs.driver()).release(plan, mapping);
    return mapping;
  }
}
