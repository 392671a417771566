package dev.weft.dataplane.forward;

import dev.weft.engine.event.DropReason;
import dev.weft.engine.event.ForwardingEvent;
import dev.weft.engine.event.ForwardingObserver;
import dev.weft.engine.hook.HookPoint;
import dev.weft.engine.hook.HookVerdict;
import dev.weft.engine.hook.NetfilterHook;
import dev.weft.engine.hook.PacketContexts;
import dev.weft.engine.packet.EtherType;
import dev.weft.engine.packet.EthernetHeader;
import dev.weft.engine.packet.IpView;
import dev.weft.engine.packet.Ipv4Header;
import dev.weft.engine.packet.Ipv6Header;
import dev.weft.engine.packet.PacketEditor;
import dev.weft.engine.packet.PacketException;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Name;
import io.netty.buffer.ByteBuf;
import java.util.Optional;
import java.util.Set;

/**
 * A pod's own rule set, enforced at its TAP. The pod's stack is the kernel's, but its chains come from
 * the model, so the dataplane asks the pod namespace's hooks where that stack would: a packet the pod
 * sends passes OUTPUT (when it is from the pod's own address) and POSTROUTING on the way out; a packet
 * for the pod passes PREROUTING and INPUT (when it is for the pod's own address) on the way in. These
 * are the hooks and interfaces the simulator asks for the same packet. A drop is counted as POLICY, a
 * verdict weft cannot determine stops the packet as UNDETERMINED_POLICY (as the stack's own stages do),
 * and a rewrite (NAT) edits the packet in place. Non-IP frames (ARP) are not netfilter's and pass.
 */
final class PodPortPolicy {
  private final Name namespace;
  private final Optional<InterfaceName> device;
  private final Set<IpAddress> own;
  private final NetfilterHook hook;
  private final ForwardingObserver observer;

  PodPortPolicy(Name namespace, InterfaceName device, Set<IpAddress> own, NetfilterHook hook, ForwardingObserver observer) {
    this.namespace = namespace;
    this.device = Optional.of(device);
    this.own = Set.copyOf(own);
    this.hook = hook;
    this.observer = observer;
  }

  boolean enforces() {
    return hook != NetfilterHook.ACCEPT_ALL;
  }

  /** What a frame holds, as far as netfilter cares. */
  private sealed interface Content {
    record NotIp() implements Content {}

    record Malformed() implements Content {}

    record Ip(ByteBuf packet) implements Content {}
  }

  /** Whether a frame the pod sent may leave it. */
  boolean leaving(ByteBuf frame) {
    return switch (contentOf(frame)) {
      case Content.NotIp n -> true;
      case Content.Malformed m -> false;
      case Content.Ip(ByteBuf ip) -> (!own.contains(IpView.source(ip)) || pass(HookPoint.OUTPUT, Optional.empty(), device, ip))
          && pass(HookPoint.POSTROUTING, Optional.empty(), device, ip);
    };
  }

  /** Whether a frame for the pod may enter it. */
  boolean arriving(ByteBuf frame) {
    return switch (contentOf(frame)) {
      case Content.NotIp n -> true;
      case Content.Malformed m -> false;
      case Content.Ip(ByteBuf ip) -> pass(HookPoint.PREROUTING, device, Optional.empty(), ip)
          && (!own.contains(IpView.destination(ip)) || pass(HookPoint.INPUT, device, Optional.empty(), ip));
    };
  }

  /** The validated IP packet of an IP frame (a slice without link padding). */
  private Content contentOf(ByteBuf frame) {
    if (frame.readableBytes() < EthernetHeader.LENGTH) {
      return new Content.NotIp();
    }
    int type = EthernetHeader.etherTypeAt(frame, frame.readerIndex());
    if (type != EtherType.IPV4 && type != EtherType.IPV6) {
      return new Content.NotIp();
    }
    ByteBuf payload = frame.slice(frame.readerIndex() + EthernetHeader.LENGTH, frame.readableBytes() - EthernetHeader.LENGTH);
    try {
      int length = type == EtherType.IPV4 ? Ipv4Header.decode(payload.duplicate()).packetLength()
          : Ipv6Header.decode(payload.duplicate()).packetLength();
      return new Content.Ip(payload.slice(payload.readerIndex(), length));
    } catch (PacketException e) {
      observer.on(new ForwardingEvent.Dropped(DropReason.unparsable(e), "at the TAP of " + namespace + ": " + e.getMessage()));
      return new Content.Malformed();
    }
  }

  private boolean pass(HookPoint point, Optional<InterfaceName> in, Optional<InterfaceName> out, ByteBuf ip) {
    HookVerdict verdict = hook.evaluate(PacketContexts.of(namespace, point, in, out, ip));
    switch (verdict) {
      case HookVerdict.Accept a -> {
        return true;
      }
      case HookVerdict.Drop d -> {
        observer.on(new ForwardingEvent.Dropped(DropReason.POLICY, point + " in " + namespace + ": " + d.rule()));
        return false;
      }
      case HookVerdict.Undetermined u -> {
        observer.on(new ForwardingEvent.Dropped(DropReason.UNDETERMINED_POLICY, point + " in " + namespace + ": " + u.reason()));
        return false;
      }
      case HookVerdict.Rewrite r -> {
        PacketEditor.rewrite(ip, r.source(), r.destination(), r.sourcePort(), r.destinationPort());
        return true;
      }
    }
  }
}
