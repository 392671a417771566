package dev.weft.lab.deploy;

import dev.weft.lab.kernel.LinkState;
import dev.weft.lab.kernel.NamespaceState;
import dev.weft.lab.plan.LabPlan;
import dev.weft.lab.plan.PlannedNamespace;
import dev.weft.lab.record.LabRecord;
import dev.weft.linux.netns.NetnsId;
import dev.weft.linux.netns.NetnsName;
import dev.weft.linux.netns.NetnsRef;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds lab records: a provisional one before a deploy, a complete one (with kernel ids) after. */
final class LabRecordFactory {
  private LabRecordFactory() {}

  /** Everything the deploy may create, plus what already exists, marked incomplete. */
  static LabRecord provisional(LabPlan plan, List<NetnsName> existing, Optional<Path> file, Optional<LabRecord> before) {
    List<LabRecord.RecordedNamespace> ns = new ArrayList<>();
    for (PlannedNamespace p : plan.namespaces()) {
      ns.add(new LabRecord.RecordedNamespace(p.name().value(), p.role().keyword(), p.modelName(), 0));
    }
    existing.stream().filter(n -> plan.namespace(n).isEmpty())
        .forEach(n -> ns.add(new LabRecord.RecordedNamespace(n.value(), "unknown", "", 0)));
    return new LabRecord(plan.lab().value(), plan.topology().value(), path(file).or(() -> before.flatMap(LabRecord::file)),
        Instant.now().toString(), false, ns, before.map(LabRecord::links).orElse(List.of()));
  }

  static LabRecord complete(LabPlan plan, Map<NetnsName, NamespaceState> now, Optional<Path> file) {
    List<LabRecord.RecordedNamespace> ns = new ArrayList<>();
    List<LabRecord.RecordedLink> links = new ArrayList<>();
    for (PlannedNamespace p : plan.namespaces()) {
      long inode = NetnsId.of(NetnsRef.named(p.name()).file().orElseThrow()).inode();
      ns.add(new LabRecord.RecordedNamespace(p.name().value(), p.role().keyword(), p.modelName(), inode));
      NamespaceState s = now.get(p.name());
      if (s != null) {
        for (LinkState l : s.links().values()) {
          links.add(new LabRecord.RecordedLink(p.name().value(), l.name().value(), l.kind().keyword(),
              l.index().orElse(0)));
        }
      }
    }
    return new LabRecord(plan.lab().value(), plan.topology().value(), path(file), Instant.now().toString(), true, ns, links);
  }

  private static Optional<String> path(Optional<Path> file) {
    return file.map(f -> f.toAbsolutePath().normalize().toString());
  }
}
