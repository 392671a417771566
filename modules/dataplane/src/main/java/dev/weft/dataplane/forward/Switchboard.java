package dev.weft.dataplane.forward;

import dev.weft.dataplane.plan.HostPlan;
import dev.weft.dataplane.plan.SocketPlan;
import dev.weft.dataplane.stats.CountingObserver;
import dev.weft.dataplane.stats.PortCounters;
import dev.weft.engine.event.DropReason;
import dev.weft.engine.event.ForwardingEvent;
import dev.weft.engine.hook.NetfilterHooks;
import dev.weft.engine.message.IpDatagram;
import dev.weft.engine.message.LocalDelivery;
import dev.weft.engine.message.LocalPacket;
import dev.weft.engine.message.PortFrame;
import dev.weft.model.InterfaceRef;
import dev.weft.model.value.IpAddress;
import dev.weft.sim.fabric.DeviceId;
import dev.weft.sim.fabric.DeviceSpec;
import dev.weft.sim.fabric.Wire;
import dev.weft.sim.run.Devices;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Moves messages between one host's devices, its pods' TAPs and its underlay sockets.
 *
 * <p>Design note: this is the simulator's dispatch loop on live ports. Each device is a pipeline of the
 * engine's handlers; what a device emits on a port travels the model's wire to the device at the other
 * end (into its pipeline as a read, or as a write for a tunnel's L2 side), to the pod's TAP when that end
 * is a pod's stack, or to the underlay socket when a tunnel emits a datagram. Work is a FIFO queue, so a
 * flood never recurses; each input may cause at most {@link #DELIVERY_BUDGET} deliveries, after which
 * the rest is dropped as a loop (a bridging loop would otherwise pin the event loop). Everything runs on
 * the dataplane's single event-loop thread, so handlers keep their state without locks. Every message
 * is owned by exactly one place at a time and released when it leaves the dataplane or is dropped;
 * nothing thrown by a handler escapes (it is counted as malformed input and logged).
 */
public final class Switchboard implements DeviceChannel.Outputs {
  /** Deliveries one input may cause. */
  static final int DELIVERY_BUDGET = 1024;

  private record Work(DeviceChannel to, Object message, boolean outbound) {}

  private record Tap(FramePort port, PodPortPolicy policy, DeviceChannel peer, boolean outbound) {}

  private final HostPlan plan;
  private final NetfilterHooks hooks;
  private final CountingObserver observer;
  private final PortCounters internal;
  private final ByteBufAllocator alloc;
  private final Consumer<Throwable> errors;
  private final Map<DeviceId, DeviceChannel> devices = new LinkedHashMap<>();
  private final Map<InterfaceRef, Tap> taps = new HashMap<>();
  private final Map<SocketPlan, DatagramPort> sockets = new LinkedHashMap<>();
  private final Map<DeviceId, SocketPlan> tunnelSockets = new HashMap<>();
  private final Map<IpAddress, InetSocketAddress> greRemotes = new HashMap<>();
  private final TunnelDemux demux;
  private final ArrayDeque<Work> queue = new ArrayDeque<>();

  public Switchboard(HostPlan plan, NetfilterHooks hooks, InstantSource clock, CountingObserver observer,
      PortCounters internal, ByteBufAllocator alloc, Consumer<Throwable> errors) {
    this.plan = plan;
    this.hooks = hooks;
    this.observer = observer;
    this.internal = internal;
    this.alloc = alloc;
    this.errors = errors;
    this.demux = new TunnelDemux(plan, observer, alloc);
    for (DeviceSpec spec : plan.devices()) {
      devices.put(spec.id(), new DeviceChannel(spec, Devices.handlers(spec, clock, observer, hooks), this));
    }
    plan.vxlan().forEach((key, id) -> tunnelSockets.put(id, key.socket()));
    plan.gre().forEach((key, id) -> tunnelSockets.put(id, key.socket()));
  }

  /** Connects a pod interface's TAP; {@code own} are the pod's addresses (for its INPUT and OUTPUT hooks). */
  public void attachTap(InterfaceRef ref, FramePort port, Set<IpAddress> own) {
    DeviceId podStack = plan.fabric().stackOf(ref.namespace())
        .orElseThrow(() -> new IllegalArgumentException("no stack for " + ref.namespace()));
    Wire wire = plan.wire(ref).orElseThrow(() -> new IllegalArgumentException(ref + " is wired to nothing"));
    DeviceChannel peer = devices.get(wire.other(podStack));
    if (peer == null) {
      throw new IllegalArgumentException(ref + " is not wired to a device of this host");
    }
    PodPortPolicy policy = new PodPortPolicy(ref.namespace(), ref.name(), own, hooks.forNamespace(ref.namespace()), observer);
    taps.put(ref, new Tap(port, policy, peer, wire.outboundInto(podStack)));
  }

  public void attachSocket(SocketPlan socket, DatagramPort port) {
    sockets.put(socket, port);
  }

  /** A frame a pod sent through its TAP (owned by this call). */
  public void fromTap(InterfaceRef ref, ByteBuf frame) {
    Tap tap = taps.get(ref);
    if (tap == null) {
      frame.release();
      return;
    }
    observer.ingress(tap.port.counters());
    try {
      if (tap.policy.enforces() && !tap.policy.leaving(frame)) {
        frame.release();
        return;
      }
    } catch (RuntimeException e) {
      frame.release();
      failed(null, e);
      return;
    }
    queue.add(new Work(tap.peer, new PortFrame(ref, frame), tap.outbound));
    drain();
  }

  /** A datagram from an underlay socket (owned by this call). */
  public void fromUnderlay(SocketPlan socket, DatagramPacket datagram) {
    DatagramPort port = sockets.get(socket);
    observer.ingress(port == null ? internal : port.counters());
    try {
      demux.claim(socket, datagram).forEach(c -> queue.add(new Work(devices.get(c.device()), c.message(), false)));
    } catch (RuntimeException e) {
      ReferenceCountUtil.safeRelease(datagram);
      failed(null, e);
      return;
    }
    drain();
  }

  /** Flushes every port: one sendmmsg per socket with everything queued since the last flush. */
  public void endOfBatch() {
    sockets.values().forEach(DatagramPort::flush);
    taps.values().forEach(t -> t.port.flush());
  }

  /** Periodic: resolutions still pending in the host's stack have failed (the kernel's ARP retries are over). */
  public void neighborTimeout() {
    observer.ingress(internal);
    for (DeviceChannel d : devices.values()) {
      if (d.spec() instanceof DeviceSpec.Stack) {
        d.neighborTimeout();
      }
    }
    drain();
    endOfBatch();
  }

  private void drain() {
    int left = DELIVERY_BUDGET;
    for (Work w; (w = queue.poll()) != null; ) {
      if (left-- <= 0) {
        observer.on(new ForwardingEvent.Dropped(DropReason.LOOP, "more than " + DELIVERY_BUDGET
            + " deliveries for one input: frames are circulating (a bridging loop?)"));
        ReferenceCountUtil.release(w.message);
        continue;
      }
      try {
        if (w.outbound) {
          w.to.outbound(w.message);
        } else {
          w.to.inbound(w.message);
        }
      } catch (RuntimeException e) {
        failed(w.to, e);
      }
    }
  }

  @Override
  public void emitted(DeviceChannel from, Object message) {
    switch (message) {
      case PortFrame f -> viaWire(from, f);
      case DatagramPacket d when from.spec() instanceof DeviceSpec.Vxlan -> toSocket(from, d);
      case IpDatagram g when from.spec() instanceof DeviceSpec.Gre -> toSocket(from, g);
      case LocalDelivery l -> {
        EchoResponder.reply(l.content(), alloc).ifPresent(r -> queue.add(new Work(from, new LocalPacket(r), false)));
        l.release();
      }
      default -> ReferenceCountUtil.release(message);
    }
  }

  private void viaWire(DeviceChannel from, PortFrame f) {
    Optional<Wire> wire = plan.wire(f.port());
    if (wire.isEmpty()) {
      drop(f, DropReason.NO_CARRIER, f.port() + " is wired to nothing");
      return;
    }
    DeviceId other = wire.get().other(from.spec().id());
    DeviceChannel to = devices.get(other);
    if (to != null) {
      queue.add(new Work(to, f, wire.get().outboundInto(from.spec().id())));
      return;
    }
    Tap tap = taps.get(f.port());
    if (tap == null) {
      drop(f, DropReason.NO_CARRIER, f.port() + " leads to " + other + ", which this dataplane does not drive");
      return;
    }
    if (tap.policy.enforces() && !tap.policy.arriving(f.content())) {
      f.release();
      return;
    }
    tap.port.write(f.content());
  }

  /** Sends what a tunnel emitted (a VXLAN datagram, or a GRE packet to wrap in UDP) on the tunnel's socket. */
  private void toSocket(DeviceChannel from, ByteBufHolder message) {
    SocketPlan socket = tunnelSockets.get(from.spec().id());
    DatagramPort port = socket == null ? null : sockets.get(socket);
    if (port == null) {
      drop(message, DropReason.NO_CARRIER, "no underlay socket for " + from.spec().id());
      return;
    }
    port.send(message instanceof IpDatagram g ? greInUdp(socket, g) : (DatagramPacket) message);
  }

  private DatagramPacket greInUdp(SocketPlan socket, IpDatagram g) {
    InetSocketAddress to = greRemotes.computeIfAbsent(g.destination(), a -> new InetSocketAddress(a.toInetAddress(), socket.port()));
    return new DatagramPacket(g.content(), to);
  }

  private void drop(io.netty.util.ReferenceCounted message, DropReason reason, String detail) {
    observer.on(new ForwardingEvent.Dropped(reason, detail));
    message.release();
  }

  @Override
  public void failed(DeviceChannel from, Throwable cause) {
    observer.on(new ForwardingEvent.Dropped(DropReason.MALFORMED, (from == null ? "input" : from.spec().id().toString())
        + " failed on a frame: " + cause));
    errors.accept(cause);
  }

  /** Releases everything the devices still hold. */
  public void close() {
    queue.forEach(w -> ReferenceCountUtil.release(w.message));
    queue.clear();
    devices.values().forEach(DeviceChannel::close);
  }
}
