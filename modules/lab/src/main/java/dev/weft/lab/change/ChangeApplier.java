package dev.weft.lab.change;

import dev.weft.lab.kernel.LinkKind;
import dev.weft.lab.kernel.LinkState;
import dev.weft.lab.kernel.RouteState;
import dev.weft.lab.plan.LabSysctls;
import dev.weft.lab.rules.Hooks;
import dev.weft.lab.rules.IptablesInput;
import dev.weft.lab.rules.RuleLayout;
import dev.weft.linux.LinuxDriver;
import dev.weft.linux.link.LinkOptions;
import dev.weft.linux.link.LinkSpec;
import dev.weft.linux.link.TunnelKind;
import dev.weft.linux.link.VethPeer;
import dev.weft.linux.neigh.FdbSpec;
import dev.weft.linux.netns.NetnsRef;
import dev.weft.linux.route.RouteSpec;
import dev.weft.model.value.IpFamily;
import java.util.Optional;

/**
 * Applies changes through a driver transaction, so that whatever a failed deploy created is undone.
 * Deletions and setting changes are not undone: they only happen to a lab that already existed, which
 * stays recorded and can be deployed again or destroyed.
 */
public final class ChangeApplier {
  private final LinuxDriver driver;
  private final dev.weft.linux.tx.Transaction tx;
  private final IptablesInput iptables = new IptablesInput();

  public ChangeApplier(LinuxDriver driver, dev.weft.linux.tx.Transaction tx) {
    this.driver = driver;
    this.tx = tx;
  }

  public void apply(Change change) {
    NetnsRef ns = NetnsRef.named(change.namespace());
    switch (change) {
      case Change.CreateNamespace c -> tx.createNamespace(c.namespace());
      case Change.DeleteNamespace d -> driver.namespaces().deleteIfExists(d.namespace());
      case Change.WriteSysctl w -> {
        boolean absent = LabSysctls.optional(w.key()) && driver.sysctls().readIfPresent(ns, w.key()).isEmpty();
        if (!absent) {
          tx.writeSysctl(ns, w.key(), w.to());
        }
      }
      case Change.CreateLink c -> create(ns, c);
      case Change.DeleteLink d -> tx.in(ns).links().deleteIfExists(d.name());
      case Change.SetMtu m -> tx.in(ns).links().setMtu(m.name(), m.to());
      case Change.SetMac m -> tx.in(ns).links().setMac(m.name(), m.to());
      case Change.SetMaster m -> {
        if (m.to().isPresent()) {
          tx.in(ns).links().setMaster(m.name(), m.to().get());
        } else {
          tx.in(ns).links().setNoMaster(m.name());
        }
      }
      case Change.SetUp u -> {
        if (u.up()) {
          tx.in(ns).links().setUp(u.name());
        } else {
          tx.in(ns).links().setDown(u.name());
        }
      }
      case Change.AddAddress a -> tx.addAddress(ns, a.address().device(), a.address().address());
      case Change.DeleteAddress a -> tx.in(ns).addresses().deleteIfExists(a.address().device(), a.address().address());
      case Change.AddRoute r -> tx.addRoute(ns, spec(r.route()));
      case Change.DeleteRoute r -> tx.in(ns).routes().deleteIfExists(spec(r.route()));
      case Change.AddNeighbour n -> tx.step("neighbour " + n.neighbour(), () -> {
        tx.in(ns).neighbours().replace(n.neighbour().device(), n.neighbour().address(), n.neighbour().mac());
        return null;
      }, () -> tx.in(ns).neighbours().deleteIfExists(n.neighbour().device(), n.neighbour().address()));
      case Change.DeleteNeighbour n -> tx.in(ns).neighbours().deleteIfExists(n.neighbour().device(), n.neighbour().address());
      case Change.AddFdb f -> tx.appendFdb(ns, FdbSpec.vxlan(f.entry().device(), f.entry().mac(), f.entry().remote()));
      case Change.DeleteFdb f ->
          tx.in(ns).fdb().deleteIfExists(FdbSpec.vxlan(f.entry().device(), f.entry().mac(), f.entry().remote()));
      case Change.ApplyRules r -> {
        RuleLayout.Layout layout = new RuleLayout.Layout(r.desired(), Hooks.of(r.desired()));
        driver.netfilter().applyIptables(ns, IpFamily.IPV4, iptables.render(layout, r.observed()), layout.hooks());
      }
    }
  }

  private void create(NetnsRef ns, Change.CreateLink c) {
    LinkState l = c.link();
    LinkOptions options = new LinkOptions(Optional.of(l.mtu()), l.mac(), l.master(), l.up());
    LinkSpec spec = switch (l.kind()) {
      case LinkKind.Bridge b -> new LinkSpec.Bridge(l.name(), options);
      case LinkKind.Tap t -> new LinkSpec.Tap(l.name(), options);
      case LinkKind.Veth v -> new LinkSpec.Veth(l.name(), peer(c), options);
      case LinkKind.Vxlan v -> {
        LinkSpec.Vxlan x = LinkSpec.Vxlan.of(l.name(), v.vni()).withPort(v.port()).withLearning(v.learning())
            .withOptions(options);
        x = v.local().map(x::withLocal).orElse(x);
        yield v.underlay().map(x::withUnderlay).orElse(x);
      }
      case LinkKind.Gre g -> new LinkSpec.IpTunnel(l.name(), g.ethernet() ? TunnelKind.GRETAP : TunnelKind.GRE,
          g.local(), g.remote(), options);
      case LinkKind.Loopback lo -> throw new IllegalArgumentException("loopback is never created");
      case LinkKind.Other o -> throw new IllegalArgumentException("weft does not create " + o.keyword() + " links");
    };
    tx.createLink(ns, spec);
    c.peer().flatMap(p -> p.link().master().map(m -> p)).ifPresent(p ->
        tx.in(NetnsRef.named(p.namespace())).links().setMaster(p.link().name(), p.link().master().get()));
  }

  private static VethPeer peer(Change.CreateLink c) {
    Change.PeerEnd p = c.peer().orElseThrow(() -> new IllegalArgumentException("a veth needs its peer: " + c.describe()));
    VethPeer v = VethPeer.named(p.link().name()).withMtu(p.link().mtu()).withUp(p.link().up());
    v = p.link().mac().map(v::withMac).orElse(v);
    return p.namespace().equals(c.namespace()) ? v : v.in(NetnsRef.named(p.namespace()));
  }

  private static RouteSpec spec(RouteState r) {
    RouteSpec s = RouteSpec.to(r.destination()).dev(r.device());
    s = r.gateway().map(s::via).orElse(s);
    if (r.onlink()) {
      s = s.withOnlink();
    }
    return r.metric() != RouteState.storedMetric(r.destination(), 0) ? s.metric(r.metric()) : s;
  }
}
