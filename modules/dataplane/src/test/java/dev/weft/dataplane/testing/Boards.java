package dev.weft.dataplane.testing;

import dev.weft.dataplane.forward.Switchboard;
import dev.weft.dataplane.plan.HostPlan;
import dev.weft.dataplane.plan.HostPlanner;
import dev.weft.dataplane.plan.PlanOptions;
import dev.weft.dataplane.plan.SocketPlan;
import dev.weft.dataplane.policy.CachedHooks;
import dev.weft.dataplane.policy.FlowCacheCounters;
import dev.weft.dataplane.stats.CountingObserver;
import dev.weft.dataplane.stats.PortCounters;
import dev.weft.model.InterfaceRef;
import dev.weft.model.NetworkModel;
import dev.weft.model.value.InterfaceAddress;
import dev.weft.model.value.Name;
import dev.weft.sim.netfilter.RulesetHooks;
import io.netty.buffer.ByteBufAllocator;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A host's switchboard wired to fake TAPs and sockets, for tests without root. */
public final class Boards implements AutoCloseable {
  public final HostPlan plan;
  public final Switchboard board;
  public final PortCounters internal = new PortCounters("internal", "internal");
  public final Map<InterfaceRef, FakePorts.Tap> taps = new LinkedHashMap<>();
  public final Map<SocketPlan, FakePorts.Socket> sockets = new LinkedHashMap<>();
  public final List<Throwable> errors = new ArrayList<>();

  public Boards(NetworkModel model, String host, boolean keep) {
    this.plan = new HostPlanner(model, PlanOptions.DEFAULTS).plan(Name.of(host));
    CountingObserver observer = new CountingObserver(internal);
    CachedHooks hooks = new CachedHooks(RulesetHooks.of(model), new FlowCacheCounters());
    this.board = new Switchboard(plan, hooks, InstantSource.system(), observer, internal, ByteBufAllocator.DEFAULT, errors::add);
    for (var pod : plan.pods()) {
      for (var i : pod.taps()) {
        FakePorts.Tap tap = new FakePorts.Tap(i.ref().toString(), keep);
        taps.put(i.ref(), tap);
        board.attachTap(i.ref(), tap, i.addresses().stream().map(InterfaceAddress::address).collect(Collectors.toSet()));
      }
    }
    for (SocketPlan s : plan.sockets()) {
      FakePorts.Socket socket = new FakePorts.Socket(s.toString(), keep);
      sockets.put(s, socket);
      board.attachSocket(s, socket, true);
    }
  }

  public FakePorts.Tap tap(String namespace, String iface) {
    return taps.get(InterfaceRef.of(namespace, iface));
  }

  @Override
  public void close() {
    taps.values().forEach(FakePorts.Tap::clear);
    sockets.values().forEach(FakePorts.Socket::clear);
    board.close();
  }
}
