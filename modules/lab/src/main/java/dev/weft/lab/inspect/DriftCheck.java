package dev.weft.lab.inspect;

import dev.weft.lab.LabName;
import dev.weft.lab.change.Change;
import dev.weft.lab.change.ChangePlanner;
import dev.weft.lab.kernel.LabObserver;
import dev.weft.lab.kernel.NamespaceState;
import dev.weft.lab.plan.LabPlan;
import dev.weft.lab.plan.LabPlanner;
import dev.weft.linux.LinuxDriver;
import dev.weft.linux.netns.NetnsName;
import dev.weft.model.NetworkModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a deployed lab differs from a topology: the changes {@code weft deploy} would make, in words. Both
 * passes are computed against the kernel as it is (nothing is applied), so a link that would be deleted
 * and re-created shows up only as its deletion.
 */
public final class DriftCheck {
  private final LabObserver observer;
  private final LabPlanner planner = new LabPlanner();
  private final ChangePlanner changes = new ChangePlanner();

  public DriftCheck(LinuxDriver driver) {
    this.observer = new LabObserver(driver);
  }

  public List<String> drift(NetworkModel model, LabName lab) {
    LabPlan plan = planner.plan(model, lab);
    return drift(plan, observer.read(plan.byName().keySet()));
  }

  public List<String> drift(LabPlan plan, Map<NetnsName, NamespaceState> observed) {
    List<Change> out = new ArrayList<>(changes.removals(plan, observed, observer.namespaces(plan.lab())));
    out.addAll(changes.additions(plan, observed));
    return out.stream().map(Change::describe).toList();
  }
}
