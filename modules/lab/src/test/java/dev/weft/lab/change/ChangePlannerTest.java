package dev.weft.lab.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.lab.LabName;
import dev.weft.lab.kernel.AddressState;
import dev.weft.lab.kernel.LinkKind;
import dev.weft.lab.kernel.LinkState;
import dev.weft.lab.kernel.NamespaceState;
import dev.weft.lab.kernel.RouteState;
import dev.weft.lab.plan.LabPlan;
import dev.weft.lab.plan.LabPlanner;
import dev.weft.lab.plan.PlannedNamespace;
import dev.weft.lab.testing.LabFixtures;
import dev.weft.linux.netns.NetnsName;
import dev.weft.linux.sysctl.SysctlKey;
import dev.weft.model.value.Cidr;
import dev.weft.model.value.InterfaceAddress;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Mtu;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChangePlannerTest {
  private final ChangePlanner changes = new ChangePlanner();
  private final LabPlan plan = new LabPlanner().plan(LabFixtures.load(LabFixtures.topology("single-host-bridge.yaml")),
      LabName.of("lab1"));
  private final NetnsName host = NetnsName.of("lab1-host1");

  @Test
  void aFreshLabIsCreatedInDependencyOrder() {
    List<Change> all = changes.additions(plan, Map.of());
    List<Class<?>> order = all.stream().<Class<?>>map(Object::getClass).distinct().toList();
    assertThat(order).startsWith(Change.CreateNamespace.class, Change.WriteSysctl.class, Change.CreateLink.class);
    int firstVeth = indexOf(all, c -> c instanceof Change.CreateLink l && l.link().kind() instanceof LinkKind.Veth);
    int lastBridge = lastIndexOf(all, c -> c instanceof Change.CreateLink l && l.link().kind() instanceof LinkKind.Bridge);
    assertThat(lastBridge).as("bridges exist before their ports").isLessThan(firstVeth);
    assertThat(indexOf(all, c -> c instanceof Change.AddRoute))
        .isGreaterThan(lastIndexOf(all, c -> c instanceof Change.SetUp || c instanceof Change.AddAddress));
    assertThat(all).filteredOn(c -> c instanceof Change.CreateLink l && l.link().kind() instanceof LinkKind.Veth)
        .as("each veth pair is created once, from one end").hasSize(4);
    assertThat(all).filteredOn(c -> c instanceof Change.SetUp u && u.name().value().equals("lo")).hasSize(5);
  }

  /** A kernel that holds exactly the plan needs no change. */
  @Test
  void nothingToDoWhenTheKernelMatches() {
    Map<NetnsName, NamespaceState> observed = observedAsPlanned();
    assertThat(changes.removals(plan, observed, observed.keySet())).isEmpty();
    assertThat(changes.additions(plan, observed)).isEmpty();
  }

  @Test
  void onlyWhatDiffersChanges() {
    Map<NetnsName, NamespaceState> observed = observedAsPlanned();
    NamespaceState h = observed.get(host);
    Map<InterfaceName, LinkState> links = new LinkedHashMap<>(h.links());
    LinkState br0 = links.get(InterfaceName.of("br0"));
    links.put(br0.name(), new LinkState(br0.name(), br0.kind(), Mtu.of(1400), br0.mac(), br0.master(), br0.up(), br0.index()));
    links.put(InterfaceName.of("stray0"), new LinkState(InterfaceName.of("stray0"), new LinkKind.Bridge(), Mtu.ETHERNET,
        Optional.empty(), Optional.empty(), true, OptionalInt.of(99)));
    Set<AddressState> addresses = new LinkedHashSet<>(h.addresses());
    addresses.add(new AddressState(InterfaceName.of("br0"), InterfaceAddress.parse("10.9.9.9/24")));
    Set<RouteState> routes = new LinkedHashSet<>(h.routes());
    RouteState extra = new RouteState(Cidr.parse("10.50.0.0/16"), Optional.of(IpAddress.parse("10.1.0.10")),
        InterfaceName.of("br0"), false, 0);
    routes.add(extra);
    Map<SysctlKey, String> sysctls = new LinkedHashMap<>(h.sysctls());
    sysctls.put(SysctlKey.parse("net.ipv4.ip_forward"), "0");
    observed.put(host, new NamespaceState(host, links, addresses, routes, h.neighbours(), h.fdb(), sysctls, h.rules()));

    assertThat(changes.removals(plan, observed, observed.keySet())).extracting(Change::describe)
        .containsExactly("lab1-host1: delete bridge stray0 (not in the topology)");
    assertThat(changes.additions(plan, observed)).extracting(Change::describe).containsExactly(
        "lab1-host1: sysctl net.ipv4.ip_forward = 1 (was 0)",
        "lab1-host1: set br0 mtu 1500 (was 1400)",
        "lab1-host1: delete address 10.9.9.9/24 dev br0",
        "lab1-host1: delete route 10.50.0.0/16 via 10.1.0.10 dev br0");
  }

  /** A veth end whose peer is not the planned one is deleted, and so re-created with the right peer. */
  @Test
  void mispairedVethsAreRemoved() {
    Map<NetnsName, NamespaceState> observed = observedAsPlanned();
    NamespaceState h = observed.get(host);
    Map<InterfaceName, LinkState> links = new LinkedHashMap<>(h.links());
    InterfaceName eth0 = InterfaceName.of("eth0");
    LinkState e = links.get(eth0);
    links.put(eth0, new LinkState(eth0, LinkKind.Veth.observed(OptionalInt.of(42), true), e.mtu(), e.mac(), e.master(),
        e.up(), e.index()));
    observed.put(host, new NamespaceState(host, links, h.addresses(), h.routes(), h.neighbours(), h.fdb(), h.sysctls(),
        h.rules()));
    assertThat(changes.removals(plan, observed, observed.keySet())).extracting(Change::describe)
        .anySatisfy(d -> assertThat(d).startsWith("lab1-host1: delete veth eth0 (it is not paired with lab1--underlay:u"));
  }

  @Test
  void namespacesThatLeftTheTopologyAreDeleted() {
    Map<NetnsName, NamespaceState> observed = observedAsPlanned();
    List<NetnsName> onKernel = new ArrayList<>(observed.keySet());
    onKernel.add(NetnsName.of("lab1-old-pod"));
    assertThat(changes.removals(plan, observed, onKernel)).extracting(Change::describe)
        .containsExactly("lab1-old-pod: delete namespace (no longer in the topology)");
  }

  /** The plan as the kernel would report it: veth peer indexes filled in consistently. */
  private Map<NetnsName, NamespaceState> observedAsPlanned() {
    Map<String, Integer> index = new HashMap<>();
    int next = 1;
    for (PlannedNamespace n : plan.namespaces()) {
      for (LinkState l : n.state().links().values()) {
        index.put(n.name() + ":" + l.name(), next++);
      }
    }
    Map<NetnsName, NamespaceState> out = new LinkedHashMap<>();
    for (PlannedNamespace n : plan.namespaces()) {
      Map<InterfaceName, LinkState> links = new LinkedHashMap<>();
      for (LinkState l : n.state().links().values()) {
        LinkKind kind = l.kind() instanceof LinkKind.Veth v ? LinkKind.Veth.observed(
            OptionalInt.of(index.get(v.peer().orElseThrow().toString())), !v.peer().get().namespace().equals(n.name()))
            : l.kind();
        links.put(l.name(), new LinkState(l.name(), kind, l.mtu(), l.mac(), l.master(), l.up(),
            OptionalInt.of(index.get(n.name() + ":" + l.name()))));
      }
      NamespaceState s = n.state();
      out.put(n.name(), new NamespaceState(n.name(), links, s.addresses(), s.routes(), s.neighbours(), s.fdb(),
          s.sysctls(), s.rules()));
    }
    return out;
  }

  private static int indexOf(List<Change> all, java.util.function.Predicate<Change> p) {
    for (int i = 0; i < all.size(); i++) {
      if (p.test(all.get(i))) {
        return i;
      }
    }
    return -1;
  }

  private static int lastIndexOf(List<Change> all, java.util.function.Predicate<Change> p) {
    for (int i = all.size() - 1; i >= 0; i--) {
      if (p.test(all.get(i))) {
        return i;
      }
    }
    return -1;
  }
}
