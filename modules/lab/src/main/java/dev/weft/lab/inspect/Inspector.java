package dev.weft.lab.inspect;

import dev.weft.lab.LabException;
import dev.weft.lab.LabName;
import dev.weft.lab.deploy.Privileges;
import dev.weft.lab.kernel.LabObserver;
import dev.weft.lab.kernel.LinkState;
import dev.weft.lab.kernel.NamespaceState;
import dev.weft.lab.plan.LabPlanner;
import dev.weft.lab.record.LabRecord;
import dev.weft.lab.record.LabRecords;
import dev.weft.linux.LinuxDriver;
import dev.weft.linux.netns.NetnsName;
import dev.weft.model.NetworkModel;
import dev.weft.model.netfilter.Chain;
import dev.weft.model.netfilter.NetfilterTable;
import dev.weft.netfilter.render.IptablesRestoreRenderer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code weft inspect}: reads a lab back from the kernel and compares it with its topology. The
 * namespaces are the record's plus any on the kernel with the lab's prefix; the comparison is the same
 * one deploy makes, so the drift is exactly what a deploy of the file would change.
 */
public final class Inspector {
  private final LinuxDriver driver;
  private final LabRecords records;
  private final Privileges privileges;
  private final LabObserver observer;
  private final IptablesRestoreRenderer renderer = new IptablesRestoreRenderer();

  public Inspector(LinuxDriver driver, LabRecords records, Privileges privileges) {
    this.driver = driver;
    this.records = records;
    this.privileges = privileges;
    this.observer = new LabObserver(driver);
  }

  public InspectReport inspect(LabName lab, Optional<NetworkModel> model) {
    if (!privileges.sufficient()) {
      throw new LabException.NotPrivileged("inspect");
    }
    Optional<LabRecord> record = records.load(lab);
    Set<NetnsName> names = new LinkedHashSet<>();
    record.ifPresent(r -> r.namespaces().forEach(n -> names.add(NetnsName.of(n.name()))));
    names.addAll(observer.namespaces(lab));
    if (record.isEmpty() && names.isEmpty()) {
      throw new LabException.NoSuchLab("no lab '" + lab + "' is deployed (no record in " + records.directory()
          + " and no namespace " + lab + "-*)");
    }
    Map<NetnsName, NamespaceState> observed = observer.read(names);
    List<String> notes = new ArrayList<>();
    names.stream().filter(n -> !observed.containsKey(n)).forEach(n -> notes.add("recorded namespace " + n + " is gone"));
    model.filter(m -> record.isPresent() && !record.get().topology().equals(m.name().value())).ifPresent(m ->
        notes.add("the lab holds topology '" + record.get().topology() + "', compared here with '" + m.name() + "'"));
    Optional<List<String>> drift = model.map(m -> new DriftCheck(driver).drift(new LabPlanner().plan(m, lab), observed));
    if (model.isEmpty()) {
      notes.add("no topology to compare with: pass the file to see drift");
    }
    List<NamespaceView> views = new ArrayList<>();
    for (Map.Entry<NetnsName, NamespaceState> e : observed.entrySet()) {
      Optional<LabRecord.RecordedNamespace> rec = record.flatMap(r -> r.namespaces().stream()
          .filter(n -> n.name().equals(e.getKey().value())).findFirst());
      views.add(view(e.getValue(), rec.map(LabRecord.RecordedNamespace::role).orElse("unknown"),
          rec.map(LabRecord.RecordedNamespace::model).orElse("")));
    }
    return new InspectReport(lab.value(), record.map(LabRecord::topology), record.flatMap(LabRecord::file),
        record.map(LabRecord::deployedAt), record.map(LabRecord::complete).orElse(false), views, drift, notes);
  }

  private NamespaceView view(NamespaceState s, String role, String model) {
    List<String> links = s.links().values().stream().map(Inspector::link).toList();
    List<String> rules = new ArrayList<>();
    for (NetfilterTable t : s.rules().tables().values()) {
      for (Chain c : t.chains().values()) {
        c.rules().forEach(r -> rules.add("-t " + t.table().keyword() + " -A " + c.name() + renderer.rule(r)));
      }
    }
    return new NamespaceView(s.name().value(), role, model, links, s.addresses().stream().map(Object::toString).toList(),
        s.routes().stream().map(Object::toString).toList(), s.neighbours().stream().map(Object::toString).toList(),
        s.fdb().stream().map(Object::toString).toList(), rules);
  }

  static String link(LinkState l) {
    StringBuilder sb = new StringBuilder(l.name().value()).append(' ').append(l.kind().keyword());
    l.master().ifPresent(m -> sb.append(" master ").append(m));
    sb.append(" mtu ").append(l.mtu());
    l.mac().ifPresent(m -> sb.append(' ').append(m));
    return sb.append(l.up() ? " up" : " down").toString();
  }
}
