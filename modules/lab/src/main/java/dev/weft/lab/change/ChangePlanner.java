package dev.weft.lab.change;

import dev.weft.lab.kernel.LinkEnd;
import dev.weft.lab.kernel.LinkKind;
import dev.weft.lab.kernel.LinkState;
import dev.weft.lab.kernel.NamespaceState;
import dev.weft.lab.plan.LabPlan;
import dev.weft.lab.plan.LabSysctls;
import dev.weft.lab.plan.PlannedNamespace;
import dev.weft.lab.rules.IptablesInput;
import dev.weft.linux.netns.NetnsName;
import dev.weft.linux.sysctl.SysctlKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compares a plan with what the kernel has and lists the changes that make the kernel match.
 *
 * <p>Design note. The work is split in two passes because deleting one veth end deletes the other,
 * wherever it is: {@link #removals} lists only deletions (namespaces that left the topology, links that
 * are unknown, of the wrong kind or mispaired); the caller applies them and reads the kernel again, so
 * that {@link #additions} sees what really survived. Additions come in dependency order: namespaces,
 * sysctls (before any link, so links inherit the {@code default} values), bridges, veths and tunnels,
 * link settings, then addresses, routes, neighbours, FDB entries and rules, each set by deleting extras
 * before adding what is missing. Both passes are linear in the size of plan and kernel state.
 */
public final class ChangePlanner {
  /** Kinds weft creates and may therefore delete; anything else in a lab namespace is only reported. */
  private static final Set<Class<? extends LinkKind>> DELETABLE =
      Set.of(LinkKind.Veth.class, LinkKind.Bridge.class, LinkKind.Vxlan.class, LinkKind.Tap.class);

  /** Deletions: lab namespaces the plan lacks and links it does not want as they are. */
  public List<Change> removals(LabPlan plan, Map<NetnsName, NamespaceState> observed, Collection<NetnsName> labNamespaces) {
    List<Change> out = new ArrayList<>();
    Map<NetnsName, PlannedNamespace> planned = plan.byName();
    labNamespaces.stream().filter(n -> !planned.containsKey(n)).sorted()
        .forEach(n -> out.add(new Change.DeleteNamespace(n)));
    for (PlannedNamespace p : plan.namespaces()) {
      NamespaceState have = observed.get(p.name());
      if (have == null) {
        continue;
      }
      for (LinkState link : have.links().values()) {
        LinkState want = p.state().links().get(link.name());
        Optional<String> why = want == null ? Optional.of("not in the topology") : mismatch(p.name(), want, link, observed);
        if (why.isPresent() && DELETABLE.contains(link.kind().getClass())) {
          out.add(new Change.DeleteLink(p.name(), link.name(), link.kind(), why.get()));
        }
      }
    }
    return out;
  }

  private static Optional<String> mismatch(NetnsName ns, LinkState want, LinkState have, Map<NetnsName, NamespaceState> observed) {
    if (!want.kind().satisfiedBy(have.kind())) {
      return Optional.of(want.kind().getClass() == have.kind().getClass() ? "its " + have.kind().keyword()
          + " settings differ" : "it is a " + have.kind().keyword() + ", not a " + want.kind().keyword());
    }
    if (want.kind() instanceof LinkKind.Veth v && v.peer().isPresent()) {
      return VethPairing.problem(ns, have, v.peer().get(), observed);
    }
    return Optional.empty();
  }

  /** Everything else, against a kernel on which {@link #removals} have been applied. */
  public List<Change> additions(LabPlan plan, Map<NetnsName, NamespaceState> observed) {
    List<Change> out = new ArrayList<>();
    for (PlannedNamespace p : plan.namespaces()) {
      if (!observed.containsKey(p.name())) {
        out.add(new Change.CreateNamespace(p.name(), p.role()));
      }
    }
    for (PlannedNamespace p : plan.namespaces()) {
      sysctls(p, Optional.ofNullable(observed.get(p.name())), out);
    }
    Set<LinkEnd> created = new HashSet<>();
    for (int stage = 0; stage < 3; stage++) {
      for (PlannedNamespace p : plan.namespaces()) {
        creations(p, observed, stage, created, plan, out);
      }
    }
    for (PlannedNamespace p : plan.namespaces()) {
      LinkSettings.diff(p.name(), p.state(), current(observed, p), out);
    }
    for (PlannedNamespace p : plan.namespaces()) {
      SetDiff.addresses(p.name(), p.state(), current(observed, p), out);
    }
    for (PlannedNamespace p : plan.namespaces()) {
      NamespaceState have = current(observed, p);
      SetDiff.routes(p.name(), p.state(), have, out);
      SetDiff.neighbours(p.name(), p.state(), have, out);
      SetDiff.fdb(p.name(), p.state(), have, out);
    }
    for (PlannedNamespace p : plan.namespaces()) {
      NamespaceState have = current(observed, p);
      if (!IptablesInput.normalize(have.rules()).equals(IptablesInput.normalize(p.state().rules()))) {
        out.add(new Change.ApplyRules(p.name(), p.state().rules(), have.rules()));
      }
    }
    return out;
  }

  /** What the namespace holds now, or will hold once created. */
  private static NamespaceState current(Map<NetnsName, NamespaceState> observed, PlannedNamespace p) {
    NamespaceState have = observed.get(p.name());
    return have != null ? have : NamespaceState.fresh(p.name());
  }

  private static void sysctls(PlannedNamespace p, Optional<NamespaceState> have, List<Change> out) {
    for (Map.Entry<SysctlKey, String> e : p.state().sysctls().entrySet()) {
      Optional<String> now = have.map(h -> h.sysctls().get(e.getKey()));
      boolean missingOptional = have.isPresent() && now.isEmpty() && LabSysctls.optional(e.getKey());
      if (!missingOptional && !now.equals(Optional.of(e.getValue()))) {
        out.add(new Change.WriteSysctl(p.name(), e.getKey(), now, e.getValue()));
      }
    }
  }

  /** Stage 0 bridges, 1 veths, 2 everything else (tunnels need their underlay veth). */
  private static void creations(PlannedNamespace p, Map<NetnsName, NamespaceState> observed, int stage,
      Set<LinkEnd> created, LabPlan plan, List<Change> out) {
    NamespaceState have = current(observed, p);
    for (LinkState want : p.state().links().values()) {
      boolean exists = have.links().containsKey(want.name());
      LinkEnd self = new LinkEnd(p.name(), want.name());
      if (exists || want.kind() instanceof LinkKind.Loopback || stage(want.kind()) != stage || created.contains(self)) {
        continue;
      }
      Optional<Change.PeerEnd> peer = Optional.empty();
      if (want.kind() instanceof LinkKind.Veth v && v.peer().isPresent()) {
        LinkEnd far = v.peer().get();
        LinkState farState = plan.namespace(far.namespace()).map(n -> n.state().links().get(far.name()))
            .orElseThrow(() -> new IllegalStateException("the plan has no " + far + " for " + self));
        if (creatorIsFar(self, want, far, farState)) {
          continue;
        }
        created.add(far);
        peer = Optional.of(new Change.PeerEnd(far.namespace(), farState));
      }
      created.add(self);
      out.add(new Change.CreateLink(p.name(), want, peer));
    }
  }

  /** The end with a master creates the pair (it can be enslaved at creation); otherwise the lesser end. */
  private static boolean creatorIsFar(LinkEnd self, LinkState want, LinkEnd far, LinkState farState) {
    if (want.master().isPresent() != farState.master().isPresent()) {
      return farState.master().isPresent();
    }
    return far.compareTo(self) < 0;
  }

  private static int stage(LinkKind kind) {
    return switch (kind) {
      case LinkKind.Bridge b -> 0;
      case LinkKind.Veth v -> 1;
      default -> 2;
    };
  }
}
