package dev.weft.dataplane.forward;

import dev.weft.dataplane.offload.TcpSegmenter;
import dev.weft.dataplane.offload.TunnelGsoHeader;
import dev.weft.dataplane.offload.Transport;
import dev.weft.dataplane.plan.HostPlan;
import dev.weft.dataplane.plan.SocketPlan;
import dev.weft.dataplane.stats.CountingObserver;
import dev.weft.dataplane.stats.PortCounters;
import dev.weft.dataplane.underlay.Encapsulation;
import dev.weft.engine.event.DropReason;
import dev.weft.engine.event.ForwardingEvent;
import dev.weft.engine.hook.NetfilterHooks;
import dev.weft.engine.message.IpDatagram;
import dev.weft.engine.message.LocalDelivery;
import dev.weft.engine.message.LocalPacket;
import dev.weft.engine.message.PortFrame;
import dev.weft.engine.packet.EtherType;
import dev.weft.engine.packet.GreHeader;
import dev.weft.engine.packet.PacketException;
import dev.weft.engine.packet.Segmentation;
import dev.weft.engine.packet.VxlanHeader;
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
 *
 * <p>Segmentation offload: an input may be a TCP segmentation batch (a pod's 64 KiB segment read from a
 * TAP with virtio-net headers, or consecutive VXLAN datagrams merged on receipt). It travels the handlers
 * whole, which judge it by its largest segment ({@link Segmentation}), and is cut only where it leaves:
 * into equal-size tunnel datagrams sent with one UDP segmentation offload send, or into frames for a plain
 * TAP; a TAP with virtio-net headers takes it whole, and so does a {@link TunnelBatchPort} for VXLAN (the
 * host's kernel then cuts it only where it must). The batch's segment size belongs to the input in hand,
 * since everything an input causes is delivered before the next input is taken.
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
  private final Map<SocketPlan, Underlay> sockets = new LinkedHashMap<>();
  private final Map<DeviceId, SocketPlan> tunnelSockets = new HashMap<>();
  private final Map<IpAddress, InetSocketAddress> greRemotes = new HashMap<>();
  private final TunnelDemux demux;
  /** Where VXLAN batches leave whole, when the kernel can take them so (see {@link TunnelBatchPort}). */
  private Optional<TunnelBatchPort> tunnelBatches = Optional.empty();
  private final ArrayDeque<Work> queue = new ArrayDeque<>();
  /** The segment size of the input in hand when it is a TCP segmentation batch, else 0. */
  private int batchGso;
  /** How much longer the batch's frames are than their largest segment. */
  private int batchExcess;

  /** An underlay socket, and for VXLAN with offloads its receive offload and where merged datagrams go. */
  private record Underlay(DatagramPort port, Optional<Receiver> receiver) {}

  private record Receiver(VxlanCoalescer coalescer, VxlanCoalescer.Sink sink) {}

  public Switchboard(HostPlan plan, NetfilterHooks hooks, InstantSource clock, CountingObserver observer,
      PortCounters internal, ByteBufAllocator alloc, Consumer<Throwable> errors) {
    this.plan = plan;
    this.hooks = hooks;
    this.observer = observer;
    this.internal = internal;
    this.alloc = alloc;
    this.errors = errors;
    this.demux = new TunnelDemux(plan, observer);
    Segmentation segmentation = this::largestSegment;
    for (DeviceSpec spec : plan.devices()) {
      devices.put(spec.id(), new DeviceChannel(spec, Devices.handlers(spec, clock, observer, hooks, segmentation), this));
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

  /**
   * Connects an underlay socket; {@code merge} merges consecutive VXLAN datagrams of a flow into batches,
   * worth it only when the pods' TAPs take batches whole (a plain TAP would cut them up again).
   */
  public void attachSocket(SocketPlan socket, DatagramPort port, boolean merge) {
    Optional<Receiver> receiver = merge && socket.encapsulation() == Encapsulation.VXLAN
        ? Optional.of(new Receiver(new VxlanCoalescer(alloc), (d, gso) -> forwardUnderlay(socket, port.counters(), d, gso)))
        : Optional.empty();
    sockets.put(socket, new Underlay(port, receiver));
  }

  /** Sends VXLAN datagrams that carry a TCP segmentation batch whole through {@code port}, not cut into datagrams here. */
  public void attachTunnelBatches(TunnelBatchPort port) {
    tunnelBatches = Optional.of(port);
  }

  /**
   * A frame a pod sent through its TAP, or a TCP segmentation batch of {@code gsoSize}-byte segments
   * (0: one frame); owned by this call.
   */
  public void fromTap(InterfaceRef ref, ByteBuf frame, int gsoSize) {
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
    int excess = excess(frame, gsoSize);
    queue.add(new Work(tap.peer, new PortFrame(ref, frame), tap.outbound));
    drain(excess > 0 ? gsoSize : 0, excess);
  }

  /** A datagram from an underlay socket (owned by this call); consecutive TCP segments may be merged first. */
  public void fromUnderlay(SocketPlan socket, DatagramPacket datagram) {
    Underlay underlay = sockets.get(socket);
    if (underlay == null || underlay.receiver().isEmpty()) {
      forwardUnderlay(socket, underlay == null ? internal : underlay.port().counters(), datagram, 0);
      return;
    }
    Receiver receiver = underlay.receiver().get();
    try {
      receiver.coalescer.offer(datagram, receiver.sink);
    } catch (RuntimeException e) {
      ReferenceCountUtil.safeRelease(datagram);
      failed(null, e);
    }
  }

  private void forwardUnderlay(SocketPlan socket, PortCounters counters, DatagramPacket datagram, int gsoSize) {
    observer.ingress(counters);
    int gso;
    int excess;
    try {
      Optional<TunnelDemux.Claim> claim = demux.claim(socket, datagram, gsoSize);
      if (claim.isEmpty()) {
        return;
      }
      gso = claim.get().gsoSize();
      excess = gso > 0 && claim.get().message() instanceof DatagramPacket d
          ? excess(d.content().slice(d.content().readerIndex() + VxlanHeader.LENGTH, d.content().readableBytes() - VxlanHeader.LENGTH), gso)
          : 0;
      queue.add(new Work(devices.get(claim.get().device()), claim.get().message(), false));
    } catch (RuntimeException e) {
      ReferenceCountUtil.safeRelease(datagram);
      failed(null, e);
      return;
    }
    drain(excess > 0 ? gso : 0, excess);
  }

  /** How much longer a batch frame is than its largest segment; 0 when it is not a TCP segment longer than one. */
  private static int excess(ByteBuf frame, int gsoSize) {
    return Transport.of(frame).filter(t -> t.tcpBatch(frame, gsoSize)).map(t -> t.tcpPayload(frame) - gsoSize).orElse(0);
  }

  /** The engine's MTU checks ask this: the input in hand's largest segment when it is a batch. */
  private int largestSegment(int length) {
    return batchGso > 0 && length > batchExcess ? length - batchExcess : length;
  }

  /** Flushes every port: merged datagrams first, then one sendmmsg per socket with everything queued since the last flush. */
  public void endOfBatch() {
    sockets.values().forEach(u -> u.receiver().ifPresent(r -> r.coalescer.flush(r.sink)));
    sockets.values().forEach(u -> u.port().flush());
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
    drain(0, 0);
    endOfBatch();
  }

  /** Delivers everything queued, the input in hand being a batch of {@code gso}-byte segments (0: not). */
  private void drain(int gso, int excess) {
    batchGso = gso;
    batchExcess = excess;
    try {
      drain();
    } finally {
      batchGso = 0;
      batchExcess = 0;
    }
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
    tap.port.write(f.content(), batchGso);
  }

  /** Sends what a tunnel emitted (a VXLAN datagram, or a GRE packet to wrap in UDP) on the tunnel's socket. */
  private void toSocket(DeviceChannel from, ByteBufHolder message) {
    SocketPlan socket = tunnelSockets.get(from.spec().id());
    Underlay underlay = socket == null ? null : sockets.get(socket);
    DatagramPort port = underlay == null ? null : underlay.port();
    if (port == null) {
      drop(message, DropReason.NO_CARRIER, "no underlay socket for " + from.spec().id());
      return;
    }
    InetSocketAddress to = message instanceof IpDatagram g ? greRemote(socket, g) : ((DatagramPacket) message).recipient();
    if (batchGso > 0 && sentAsBatch(message, socket, port, to)) {
      return;
    }
    port.send(message instanceof DatagramPacket d ? d : new DatagramPacket(message.content(), to));
  }

  private InetSocketAddress greRemote(SocketPlan socket, IpDatagram g) {
    return greRemotes.computeIfAbsent(g.destination(), a -> new InetSocketAddress(a.toInetAddress(), socket.port()));
  }

  /**
   * Sends a batch's tunnel packet: a VXLAN one whole through the tunnel batch port when there is one and
   * it can carry it, else cut into tunnel datagrams that fit, each the tunnel's header and one segment,
   * laid end to end for one UDP segmentation offload send. False, with nothing sent, when {@code message}
   * is not a batch's encapsulation (then it goes whole, as anything else does).
   */
  private boolean sentAsBatch(ByteBufHolder message, SocketPlan socket, DatagramPort port, InetSocketAddress to) {
    ByteBuf content = message.content();
    int at = content.readerIndex();
    int prefix;
    boolean ethernet;
    if (message instanceof DatagramPacket) {
      prefix = VxlanHeader.LENGTH;
      ethernet = true;
    } else {
      GreHeader gre;
      try {
        gre = GreHeader.decode(content.duplicate());
      } catch (PacketException e) {
        return false;
      }
      if (gre.checksumPresent() || gre.sequence().isPresent()) {
        return false; // per-segment GRE fields; weft's GRE devices never set them
      }
      prefix = gre.length();
      ethernet = gre.protocolType() == EtherType.TRANSPARENT_ETHERNET;
    }
    ByteBuf inner = content.slice(at + prefix, content.readableBytes() - prefix);
    Optional<Transport> t = (ethernet ? Transport.of(inner) : Transport.ofPacket(inner)).filter(x -> x.tcpBatch(inner, batchGso));
    if (t.isEmpty()) {
      return false;
    }
    if (message instanceof DatagramPacket && tunnelBatches.isPresent() && t.get().ipv4(inner)) {
      // the kernel completes each segment's checksum from the pseudo-header sum, as for a pod's TAP
      inner.setShort(inner.readerIndex() + t.get().checksumOffset(), t.get().foldedPseudo());
      TunnelGsoHeader.Inner shape = new TunnelGsoHeader.Inner(prefix + t.get().ip(), prefix + t.get().offset(),
          t.get().tcpHeaderLength(inner));
      // the batch is written now, while what the socket holds waits for the end of the input batch:
      // that goes first, or a flow's earlier segments would arrive after its later ones
      port.flush();
      if (tunnelBatches.get().send(content, shape, batchGso, socket.local(), socket.port(), to)) {
        return true;
      }
    }
    int pieces = TcpSegmenter.pieces(inner, t.get(), batchGso);
    ByteBuf out = alloc.directBuffer(pieces * (prefix + t.get().offset() + t.get().tcpHeaderLength(inner) + batchGso));
    int stride;
    try {
      stride = TcpSegmenter.segmentInto(inner, t.get(), batchGso, content.slice(at, prefix), out);
    } catch (RuntimeException e) {
      out.release();
      throw e;
    }
    message.release();
    port.sendSegments(out, stride, to);
    return true;
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
    sockets.values().forEach(u -> u.receiver().ifPresent(r -> r.coalescer.close()));
    queue.forEach(w -> ReferenceCountUtil.release(w.message));
    queue.clear();
    devices.values().forEach(DeviceChannel::close);
  }
}
