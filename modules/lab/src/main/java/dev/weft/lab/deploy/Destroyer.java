package dev.weft.lab.deploy;

import dev.weft.lab.LabException;
import dev.weft.lab.LabName;
import dev.weft.lab.kernel.LabObserver;
import dev.weft.lab.plan.KernelNames;
import dev.weft.lab.record.LabRecord;
import dev.weft.lab.record.LabRecords;
import dev.weft.linux.LinuxDriver;
import dev.weft.linux.netns.NetnsName;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code weft destroy}: removes a lab without needing its topology. Everything a lab creates lives in
 * its own namespaces, so deleting them removes every link (veth peers included), address, route,
 * neighbour, FDB entry and rule. The namespaces come from the record and from a scan of /run/netns for
 * the lab's prefix (which also finds those of a deploy that crashed before writing its record); a
 * recorded name without the prefix is never touched.
 */
public final class Destroyer {
  private final LinuxDriver driver;
  private final LabRecords records;
  private final Privileges privileges;
  private final LabObserver observer;

  public Destroyer(LinuxDriver driver, LabRecords records, Privileges privileges) {
    this.driver = driver;
    this.records = records;
    this.privileges = privileges;
    this.observer = new LabObserver(driver);
  }

  public DestroyResult destroy(LabName lab) {
    long start = System.nanoTime();
    if (!privileges.sufficient()) {
      throw new LabException.NotPrivileged("destroy");
    }
    Optional<LabRecord> record = records.load(lab);
    Set<NetnsName> targets = new LinkedHashSet<>();
    List<String> skipped = new ArrayList<>();
    record.ifPresent(r -> r.namespaces().forEach(n -> {
      NetnsName name = NetnsName.of(n.name());
      if (KernelNames.owns(lab, name)) {
        targets.add(name);
      } else {
        skipped.add(n.name());
      }
    }));
    targets.addAll(observer.namespaces(lab));
    if (record.isEmpty() && targets.isEmpty()) {
      throw new LabException.NoSuchLab("no lab '" + lab + "': no record in " + records.directory()
          + " and no namespace named " + lab + "-*");
    }
    List<String> removed = new ArrayList<>();
    List<String> gone = new ArrayList<>();
    for (NetnsName n : targets) {
      (driver.namespaces().deleteIfExists(n) ? removed : gone).add(n.value());
    }
    boolean recordRemoved = records.delete(lab);
    return new DestroyResult(lab.value(), removed, gone, skipped, recordRemoved, (System.nanoTime() - start) / 1_000_000);
  }
}
