package dev.weft.engine.l2;

import dev.weft.engine.event.DropReason;
import dev.weft.engine.event.ForwardingEvent;
import dev.weft.engine.event.ForwardingObserver;
import dev.weft.engine.message.PortFrame;
import dev.weft.engine.packet.EthernetHeader;
import dev.weft.engine.packet.Segmentation;
import dev.weft.model.InterfaceRef;
import dev.weft.model.value.Mac;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Linux bridge: a learning L2 switch. One of its ports is the bridge's own interface ({@code self}),
 * through which the host's stack sends and receives.
 *
 * <p>As in br_handle_frame: the source MAC of a frame from an enslaved port is learned; broadcast and
 * multicast are flooded to every other port including the stack; a known unicast MAC goes to its port,
 * unless that is the ingress port and hairpin is off; an unknown one is flooded to the other enslaved
 * ports but not passed up to the stack (the bridge is not promiscuous). A frame larger than an egress
 * port's MTU is dropped silently, since a bridge cannot fragment. Flooded copies are deep copies, because
 * the devices behind each port rewrite their frames in place.
 */
public final class BridgeHandler extends ChannelInboundHandlerAdapter {
  private final Optional<InterfaceRef> self;
  private final Map<InterfaceRef, BridgePort> ports = new LinkedHashMap<>();
  private final ForwardingDatabase fdb;
  private final InstantSource clock;
  private final ForwardingObserver observer;
  private final Segmentation segmentation;

  private final InterfaceRef name;

  public BridgeHandler(BridgePort self, Mac selfMac, List<BridgePort> enslaved, ForwardingDatabase fdb,
      InstantSource clock, ForwardingObserver observer) {
    this(self, selfMac, enslaved, fdb, clock, observer, Segmentation.NONE);
  }

  /** A bridge whose MTU checks look at each packet's largest segment. */
  public BridgeHandler(BridgePort self, Mac selfMac, List<BridgePort> enslaved, ForwardingDatabase fdb,
      InstantSource clock, ForwardingObserver observer, Segmentation segmentation) {
    this(self.ref(), Optional.of(self), enslaved, fdb, clock, observer, segmentation);
    fdb.addPermanent(selfMac, self.ref());
  }

  private BridgeHandler(InterfaceRef name, Optional<BridgePort> self, List<BridgePort> enslaved, ForwardingDatabase fdb,
      InstantSource clock, ForwardingObserver observer, Segmentation segmentation) {
    this.name = name;
    this.self = self.map(BridgePort::ref);
    self.ifPresent(p -> this.ports.put(p.ref(), p));
    enslaved.forEach(p -> this.ports.put(p.ref(), p));
    this.fdb = fdb;
    this.clock = clock;
    this.observer = observer;
    this.segmentation = segmentation;
  }

  /**
   * A switch with no port of its own towards a stack, such as the L2 segment that joins hosts' uplinks;
   * {@code name} identifies it in events.
   */
  public static BridgeHandler plainSwitch(InterfaceRef name, List<BridgePort> ports, ForwardingDatabase fdb,
      InstantSource clock, ForwardingObserver observer) {
    return new BridgeHandler(name, Optional.empty(), ports, fdb, clock, observer, Segmentation.NONE);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof PortFrame frame) || !ports.containsKey(frame.port())) {
      ctx.fireChannelRead(msg);
      return;
    }
    try {
      forward(ctx, frame);
    } finally {
      frame.release();
    }
  }

  private void forward(ChannelHandlerContext ctx, PortFrame frame) {
    ByteBuf bytes = frame.content();
    if (bytes.readableBytes() < EthernetHeader.LENGTH) {
      observer.on(new ForwardingEvent.Dropped(DropReason.MALFORMED, "runt frame of " + bytes.readableBytes() + " bytes"));
      return;
    }
    Instant now = clock.instant();
    InterfaceRef in = frame.port();
    Mac src = EthernetHeader.sourceAt(bytes, bytes.readerIndex());
    Mac dst = EthernetHeader.destinationAt(bytes, bytes.readerIndex());
    if (!isSelf(in)) {
      if (src.isMulticast()) {
        observer.on(new ForwardingEvent.Dropped(DropReason.MALFORMED, "multicast source MAC " + src));
        return;
      }
      if (fdb.learn(src, in, now)) {
        observer.on(new ForwardingEvent.FdbLearned(name, src, in));
      }
    }
    List<BridgePort> out = egress(in, dst, now);
    int size = segmentation.largestSegment(bytes.readableBytes()) - EthernetHeader.LENGTH;
    List<BridgePort> fitting = new ArrayList<>();
    for (BridgePort p : out) {
      if (size > p.mtu().value()) {
        observer.on(new ForwardingEvent.MtuExceeded(p.ref(), size, p.mtu().value(), ForwardingEvent.MtuOutcome.DROPPED_SILENTLY, 0));
        observer.on(new ForwardingEvent.Dropped(DropReason.MTU_EXCEEDED, size + "-byte packet does not fit the MTU "
            + p.mtu() + " of bridge port " + p.ref() + "; a bridge drops it without ICMP"));
      } else {
        fitting.add(p);
      }
    }
    if (fitting.size() == 1) {
      ctx.fireChannelRead(new PortFrame(fitting.getFirst().ref(), bytes.retain()));
      return;
    }
    for (BridgePort p : fitting) {
      ctx.fireChannelRead(new PortFrame(p.ref(), bytes.copy()));
    }
  }

  private List<BridgePort> egress(InterfaceRef in, Mac dst, Instant now) {
    if (dst.isMulticast()) {
      List<BridgePort> all = others(in, true);
      observer.on(new ForwardingEvent.Flooded(name, dst, refs(all)));
      return all;
    }
    Optional<InterfaceRef> known = fdb.lookup(dst, now);
    if (known.isPresent()) {
      BridgePort port = ports.get(known.get());
      if (port.ref().equals(in) && !port.hairpin()) {
        observer.on(new ForwardingEvent.Dropped(DropReason.HAIRPIN, dst + " is behind " + in
            + ", the port the frame came in on (hairpin off)"));
        return List.of();
      }
      observer.on(new ForwardingEvent.FdbHit(name, dst, port.ref()));
      return List.of(port);
    }
    List<BridgePort> flood = others(in, false);
    observer.on(new ForwardingEvent.Flooded(name, dst, refs(flood)));
    if (flood.isEmpty()) {
      observer.on(new ForwardingEvent.Dropped(DropReason.NO_CARRIER, "unknown MAC " + dst + " and no other port to flood to"));
    }
    return flood;
  }

  private List<BridgePort> others(InterfaceRef in, boolean includeSelf) {
    List<BridgePort> out = new ArrayList<>();
    for (BridgePort p : ports.values()) {
      if (!p.ref().equals(in) && (includeSelf || !isSelf(p.ref()))) {
        out.add(p);
      }
    }
    return out;
  }

  private boolean isSelf(InterfaceRef port) {
    return self.isPresent() && self.get().equals(port);
  }

  private static List<InterfaceRef> refs(List<BridgePort> ports) {
    return ports.stream().map(BridgePort::ref).toList();
  }
}
