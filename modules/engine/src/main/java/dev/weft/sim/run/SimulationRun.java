package dev.weft.sim.run;

import dev.weft.engine.event.DropReason;
import dev.weft.engine.event.ForwardingEvent;
import dev.weft.engine.hook.NetfilterHooks;
import dev.weft.engine.message.IpDatagram;
import dev.weft.engine.message.LocalDelivery;
import dev.weft.engine.message.LocalPacket;
import dev.weft.engine.message.PortFrame;
import dev.weft.engine.packet.EtherType;
import dev.weft.engine.packet.EthernetHeader;
import dev.weft.engine.packet.GreHeader;
import dev.weft.engine.packet.Header;
import dev.weft.engine.packet.PacketException;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Name;
import dev.weft.sim.Location;
import dev.weft.sim.Role;
import dev.weft.sim.TraceStep;
import dev.weft.sim.fabric.DeviceId;
import dev.weft.sim.fabric.DeviceSpec;
import dev.weft.sim.fabric.Fabric;
import dev.weft.sim.fabric.Wire;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One simulation: devices are created on first use from the fabric, messages move between them depth
 * first (so each branch of a flood reads as one story), and every handler event becomes a trace step.
 * When the network goes quiet, stacks still waiting for ARP or NDP answers time out, which may release
 * more work. Single-threaded and deterministic; {@link #close} releases every buffer still held.
 */
public final class SimulationRun implements AutoCloseable {
  /** Deliveries one run may make before it gives up and reports a loop it could not pin down. */
  static final int BUDGET = 200_000;
  private static final int TIMEOUT_ROUNDS = 8;

  private record Crossing(String link, Location from, boolean capture) {}

  private record Delivery(DeviceId to, boolean outbound, Object message, int depth, List<Header> shown,
      Optional<Crossing> crossing, String port, boolean bareIp) {}

  private final Fabric fabric;
  private final NetfilterHooks hooks;
  private final PcapSink pcap;
  private final SimClock clock = new SimClock();
  private final TraceRecorder recorder = new TraceRecorder();
  private final LoopGuard loops = new LoopGuard();
  private final Map<DeviceId, Device> devices = new LinkedHashMap<>();
  private final Deque<Delivery> pending = new ArrayDeque<>();
  private final Map<Role, Integer> roleDepth = new java.util.EnumMap<>(Role.class);
  private int budget = BUDGET;

  public SimulationRun(Fabric fabric, NetfilterHooks hooks, PcapSink pcap) {
    this.fabric = fabric;
    this.hooks = hooks;
    this.pcap = pcap;
  }

  public List<TraceStep> steps() {
    return List.copyOf(recorder.steps());
  }

  public Location locationOf(Name namespace) {
    return Locations.of(fabric.stack(namespace));
  }

  /** Hands an IP packet to a namespace's stack as if a local socket sent it; takes ownership. */
  public void send(Name namespace, ByteBuf packet) {
    DeviceId stack = fabric.stackOf(namespace).orElseThrow(() -> new IllegalArgumentException("unknown namespace " + namespace));
    LocalPacket p = new LocalPacket(packet);
    Inspection in = Inspection.of(p, false);
    recorder.add(new TraceStep.Sent(0, Role.PACKET, Locations.of(fabric.device(stack)), in.headers()));
    pending.push(new Delivery(stack, false, p, 0, in.headers(), Optional.empty(), "local", false));
  }

  /** Runs until nothing moves and no resolution is pending. */
  public void run() throws IOException {
    drain();
    for (int round = 0; round < TIMEOUT_ROUNDS && budget > 0; round++) {
      boolean woke = false;
      for (Device d : List.copyOf(devices.values())) {
        if (d.spec() instanceof DeviceSpec.Stack) {
          recorder.enter(d.location(), 0, Role.PACKET);
          List<Object> out = d.timeout();
          woke |= !out.isEmpty();
          dispatch(d, out, 0, List.of());
        }
      }
      if (!woke) {
        break;
      }
      drain();
    }
  }

  private void drain() throws IOException {
    while (!pending.isEmpty()) {
      Delivery d = pending.pop();
      if (--budget < 0) {
        recorder.add(new TraceStep.LoopDetected(d.depth, Role.PACKET, device(d.to).location(),
            "gave up after " + BUDGET + " deliveries: frames are circulating (a bridging loop?)"));
        ReferenceCountUtil.release(d.message);
        pending.forEach(p -> ReferenceCountUtil.release(p.message));
        pending.clear();
        return;
      }
      process(d);
    }
  }

  private void process(Delivery d) throws IOException {
    clock.tick();
    Device dev = device(d.to);
    Inspection in = Inspection.of(d.message, d.bareIp);
    roleDepth.put(in.role(), d.depth);
    recorder.enter(dev.location(), d.depth, in.role());
    List<Header> shown = d.shown;
    if (d.crossing.isPresent()) {
      Crossing c = d.crossing.get();
      boolean changed = !in.headers().equals(d.shown);
      recorder.add(new TraceStep.Crossed(d.depth, in.role(), c.link, c.from, dev.location(), changed ? in.headers() : List.of()));
      shown = changed ? in.headers() : shown;
      if (c.capture && d.message instanceof ByteBufHolder h) {
        pcap.frame(c.link, clock.instant(), h.content());
      }
    }
    int tunnels = in.tunnels();
    if (tunnels > Fabric.MAX_NESTED_TUNNELS) {
      // a tunnel whose underlay route leads back into a tunnel nests without end, and head-end
      // replication multiplies every level; Linux gives up at its transmit recursion limit the same way
      recorder.add(new TraceStep.LoopDetected(d.depth, in.role(), dev.location(),
          "encapsulated " + tunnels + " times: a tunnel's underlay route leads back into a tunnel"));
      ReferenceCountUtil.release(d.message);
      return;
    }
    if (d.message instanceof ByteBufHolder h
        && loops.revisit(d.to, d.port, d.outbound, envelope(d.message), h.content(), ipOffset(d))) {
      recorder.add(new TraceStep.LoopDetected(d.depth, in.role(), dev.location(),
          "the same packet arrived at " + dev.location() + " on " + d.port + " again"));
      ReferenceCountUtil.release(d.message);
      return;
    }
    dispatch(dev, dev.process(d.message, d.outbound), d.depth, shown);
  }

  /** The addressing of a tunnel datagram, which lives beside its bytes rather than in them. */
  private static String envelope(Object message) {
    return switch (message) {
      case DatagramPacket dp -> dp.sender() + ">" + dp.recipient();
      case IpDatagram g -> g.source() + ">" + g.destination();
      default -> "";
    };
  }

  private static int ipOffset(Delivery d) {
    return switch (d.message) {
      case PortFrame f when d.bareIp -> 0;
      case PortFrame f -> {
        int type = f.content().readableBytes() >= EthernetHeader.LENGTH
            ? EthernetHeader.etherTypeAt(f.content(), f.content().readerIndex()) : 0;
        yield type == EtherType.IPV4 || type == EtherType.IPV6 ? EthernetHeader.LENGTH : -1;
      }
      case LocalPacket p -> 0;
      default -> -1;
    };
  }

  /**
   * Queues what a device emitted, depth first in emission order. A branch is one level deeper than its
   * parent only when its parent sent several messages of the same kind (a flood, fragments); a packet
   * released by someone else's traffic (an ARP reply) continues at its own kind's depth.
   */
  private void dispatch(Device from, List<Object> outputs, int parentDepth, List<Header> shown) {
    List<Delivery> next = new ArrayList<>();
    for (Object o : outputs) {
      Optional<Delivery> d = switch (o) {
        case PortFrame f -> viaWire(from, f, parentDepth, shown);
        case DatagramPacket dp -> vxlan(from, dp, parentDepth, shown);
        case IpDatagram g -> gre(from, g, parentDepth, shown);
        case LocalDelivery ld -> {
          ld.release();
          yield Optional.empty();
        }
        default -> {
          ReferenceCountUtil.release(o);
          yield Optional.empty();
        }
      };
      d.ifPresent(next::add);
    }
    Map<Role, Integer> perRole = new java.util.EnumMap<>(Role.class);
    List<Role> roles = new ArrayList<>();
    for (Delivery d : next) {
      Role r = Inspection.of(d.message, d.bareIp).role();
      roles.add(r);
      perRole.merge(r, 1, Integer::sum);
    }
    Role parentRole = recorder.role();
    for (int i = next.size() - 1; i >= 0; i--) {
      Role r = roles.get(i);
      int base = r == parentRole ? parentDepth : roleDepth.getOrDefault(r, parentDepth);
      int depth = perRole.get(r) > 1 ? base + 1 : base;
      Delivery d = next.get(i);
      if (d.message instanceof PortFrame f && !d.bareIp && f.content().readableBytes() >= EthernetHeader.LENGTH) {
        recorder.retagResolution(f.port(), EthernetHeader.destinationAt(f.content(), f.content().readerIndex()), r, depth);
      }
      pending.push(new Delivery(d.to, d.outbound, d.message, depth, d.shown, d.crossing, d.port, d.bareIp));
    }
  }

  private Optional<Delivery> viaWire(Device from, PortFrame f, int depth, List<Header> shown) {
    Optional<Wire> wire = fabric.wire(f.port());
    boolean bare = fabric.bareIp(f.port());
    if (wire.isEmpty()) {
      recorder.add(new TraceStep.NoCarrier(depth, Inspection.of(f, bare).role(), from.location(), f.port().toString()));
      f.release();
      return Optional.empty();
    }
    Wire w = wire.get();
    DeviceId to = w.other(from.spec().id());
    boolean leavingVeth = from.spec() instanceof DeviceSpec.Veth;
    Optional<Crossing> crossing = leavingVeth ? Optional.empty() : Optional.of(new Crossing(w.link(), from.location(), true));
    return Optional.of(new Delivery(to, w.outboundInto(from.spec().id()), f, depth, shown, crossing, f.port().toString(), bare));
  }

  private Optional<Delivery> vxlan(Device from, DatagramPacket dp, int depth, List<Header> shown) {
    if (from.spec() instanceof DeviceSpec.Vxlan x) {
      return Optional.of(toStack(x.config().device().namespace(), dp, depth, shown));
    }
    Name ns = ((DeviceSpec.Stack) from.spec()).config().namespace();
    ByteBuf b = dp.content();
    int vni = b.readableBytes() >= 8 ? b.getUnsignedMedium(b.readerIndex() + 4) : -1;
    int port = dp.recipient().getPort();
    Optional<DeviceId> device = fabric.vxlanSocket(new Fabric.VxlanSocket(ns, port, vni));
    if (device.isEmpty()) {
      unclaimed(dp, "no VXLAN device for VNI " + vni + " on UDP port " + port + " in " + ns);
      return Optional.empty();
    }
    return Optional.of(new Delivery(device.get(), false, dp, depth, shown, Optional.empty(), "udp/" + port, false));
  }

  private Optional<Delivery> gre(Device from, IpDatagram g, int depth, List<Header> shown) {
    if (from.spec() instanceof DeviceSpec.Gre t) {
      return Optional.of(toStack(t.config().device().namespace(), g, depth, shown));
    }
    Name ns = ((DeviceSpec.Stack) from.spec()).config().namespace();
    Optional<Long> key;
    try {
      key = GreHeader.decode(g.content().duplicate()).key();
    } catch (PacketException e) {
      unclaimed(g, e.getMessage());
      return Optional.empty();
    }
    Optional<DeviceId> device = fabric.greSocket(new Fabric.GreSocket(ns, g.destination(), g.source(), key));
    if (device.isEmpty()) {
      unclaimed(g, "no GRE device in " + ns + " for " + g.source() + " -> " + g.destination() + " key "
          + key.map(String::valueOf).orElse("none"));
      return Optional.empty();
    }
    return Optional.of(new Delivery(device.get(), false, g, depth, shown, Optional.empty(), "gre/" + g.source(), false));
  }

  private Delivery toStack(Name namespace, Object message, int depth, List<Header> shown) {
    DeviceId stack = fabric.stackOf(namespace).orElseThrow();
    return new Delivery(stack, false, message, depth, shown, Optional.empty(), "socket", false);
  }

  private void unclaimed(ByteBufHolder message, String why) {
    recorder.on(new ForwardingEvent.Dropped(DropReason.UNKNOWN_TUNNEL, why));
    message.release();
  }

  private Device device(DeviceId id) {
    return devices.computeIfAbsent(id, k -> new Device(fabric.device(k), Devices.channel(fabric.device(k), clock, recorder, hooks)));
  }

  /** An address the fabric's model knows, for the disposition. */
  public boolean modelled(IpAddress address) {
    return fabric.model().ownerOf(address).isPresent();
  }

  @Override
  public void close() {
    pending.forEach(p -> ReferenceCountUtil.release(p.message));
    pending.clear();
    devices.values().forEach(Device::close);
  }
}
