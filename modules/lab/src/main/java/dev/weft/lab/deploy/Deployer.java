package dev.weft.lab.deploy;

import dev.weft.lab.LabException;
import dev.weft.lab.LabName;
import dev.weft.lab.change.Change;
import dev.weft.lab.change.ChangeApplier;
import dev.weft.lab.change.ChangePlanner;
import dev.weft.lab.kernel.LabObserver;
import dev.weft.lab.kernel.NamespaceState;
import dev.weft.lab.plan.LabPlan;
import dev.weft.lab.plan.LabPlanner;
import dev.weft.lab.plan.PlannedNamespace;
import dev.weft.lab.record.LabRecord;
import dev.weft.lab.record.LabRecords;
import dev.weft.linux.LinuxDriver;
import dev.weft.linux.error.DriverException;
import dev.weft.linux.netns.NetnsName;
import dev.weft.linux.tx.Transaction;
import dev.weft.model.NetworkModel;
import java.util.ArrayList;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code weft deploy}: makes the kernel hold what the model describes, under the lab's prefix.
 *
 * <p>Design note. The plan (desired state) is compared with what the kernel holds and only the
 * difference is applied, so a second deploy of the same file changes nothing, and a deploy of an edited
 * file changes only what the edit touched. Before anything is created the preflight checks privileges
 * and that the kernel has every tunnel driver the plan needs. A record marked incomplete is written first
 * and completed at the end, so a lab is destroyable whatever happens in between. All changes run in one
 * driver transaction: when a deploy of a new lab fails half-way, everything it created is undone and its
 * record removed, leaving nothing. After applying, the kernel is read again and compared once more; what
 * still differs is applied again (a kernel may adjust one setting when another changes, e.g. a bridge's
 * MTU when a port joins), at most twice, before giving up with the remaining differences.
 */
public final class Deployer {
  private static final int EXTRA_ROUNDS = 2;

  private final LinuxDriver driver;
  private final LabRecords records;
  private final Privileges privileges;
  private final LabPlanner planner = new LabPlanner();
  private final ChangePlanner changes = new ChangePlanner();
  private final LabObserver observer;
  private final KernelSupport support;

  public Deployer(LinuxDriver driver, LabRecords records, Privileges privileges) {
    this.driver = driver;
    this.records = records;
    this.privileges = privileges;
    this.observer = new LabObserver(driver);
    this.support = new KernelSupport(driver);
  }

  public DeployResult deploy(NetworkModel model, DeployOptions options) {
    long start = System.nanoTime();
    if (!privileges.sufficient()) {
      throw new LabException.NotPrivileged("deploy");
    }
    LabName lab = options.lab().orElse(LabName.defaultFor(model.name()));
    LabPlan plan = planner.plan(model, lab);
    preflight(plan);
    Optional<LabRecord> before = records.load(lab);
    before.filter(r -> !r.topology().equals(model.name().value())).ifPresent(r -> {
      throw new LabException.Conflict("lab '" + lab + "' holds topology '" + r.topology() + "'"
          + r.file().map(f -> " (from " + f + ")").orElse("") + ", not '" + model.name()
          + "': destroy it first ('weft destroy --lab " + lab + "') or deploy with another --prefix");
    });
    List<NetnsName> existing = observer.namespaces(lab);
    boolean fresh = existing.isEmpty();
    records.save(LabRecordFactory.provisional(plan, existing, options.file(), before));
    Optional<Path> file = options.file().or(() -> before.flatMap(LabRecord::file).map(Path::of));
    List<String> applied = new ArrayList<>();
    Map<NetnsName, NamespaceState> now;
    try (Transaction tx = driver.begin("deploy lab " + lab)) {
      now = converge(plan, existing, new ChangeApplier(driver, tx), options, applied);
      tx.commit();
    } catch (FailedChange e) {
      if (fresh) {
        records.delete(lab);
      }
      throw new LabException.ChangeFailed(e.change.describe(), fresh
          ? "everything this deploy created was removed, nothing is left"
          : "the changes before it stay; deploy again once fixed, or 'weft destroy --lab " + lab + "'", e.cause);
    } catch (RuntimeException e) {
      if (fresh) {
        records.delete(lab);
      }
      throw e;
    }
    records.save(LabRecordFactory.complete(plan, now, file));
    List<String> names = plan.namespaces().stream().map(n -> n.name().value()).toList();
    return new DeployResult(lab.value(), model.name().value(), fresh, names, applied, plan.warnings(),
        (System.nanoTime() - start) / 1_000_000);
  }

  private void preflight(LabPlan plan) {
    if (!plan.blockers().isEmpty()) {
      throw new LabException.NotDeployable(plan.blockers());
    }
    for (PlannedNamespace n : plan.namespaces()) {
      n.state().links().values().forEach(l -> support.require(plan.lab(), l.kind(), n.modelName() + ":" + l.name()));
    }
  }

  /** Applies changes until none is left; returns the kernel state it last read, which matches the plan. */
  private Map<NetnsName, NamespaceState> converge(LabPlan plan, List<NetnsName> existing, ChangeApplier applier,
      DeployOptions options, List<String> applied) {
    for (int round = 0; ; round++) {
      Map<NetnsName, NamespaceState> observed = observer.read(plan.byName().keySet());
      List<Change> removals = changes.removals(plan, observed, round == 0 ? existing : observer.namespaces(plan.lab()));
      apply(removals, applier, options, applied);
      if (!removals.isEmpty()) {
        observed = observer.read(plan.byName().keySet());
      }
      List<Change> additions = changes.additions(plan, observed);
      if (removals.isEmpty() && additions.isEmpty()) {
        return observed;
      }
      if (round > EXTRA_ROUNDS) {
        throw new LabException.NotConverged("the kernel still differs from the plan of lab " + plan.lab()
            + " after " + round + " rounds; still to change: " + String.join("; ",
                additions.stream().map(Change::describe).limit(20).toList()));
      }
      apply(additions, applier, options, applied);
    }
  }

  private static void apply(List<Change> list, ChangeApplier applier, DeployOptions options, List<String> applied) {
    for (Change c : list) {
      options.beforeChange().accept(c);
      try {
        applier.apply(c);
      } catch (DriverException e) {
        throw new FailedChange(c, e);
      }
      applied.add(c.describe());
    }
  }

  /** Carries a kernel refusal out of the transaction, which undoes the deploy on the way. */
  private static final class FailedChange extends RuntimeException {
    private final Change change;
    private final DriverException cause;

    FailedChange(Change change, DriverException cause) {
      super(cause.getMessage(), cause, false, false);
      this.change = change;
      this.cause = cause;
    }
  }
}
