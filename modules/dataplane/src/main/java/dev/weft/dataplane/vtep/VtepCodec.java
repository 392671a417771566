package dev.weft.dataplane.vtep;

import dev.weft.dataplane.underlay.Encapsulation;
import dev.weft.engine.event.DropReason;
import dev.weft.engine.packet.EtherType;
import dev.weft.engine.packet.EthernetHeader;
import dev.weft.engine.packet.GreHeader;
import dev.weft.engine.packet.PacketException;
import dev.weft.engine.packet.VxlanHeader;
import dev.weft.model.value.Mac;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.Optional;

/**
 * The VTEP's wire format, without I/O: a frame from the TAP to a datagram payload, and a payload from
 * the underlay to a frame for the TAP (or the reason it is dropped). Neither consumes its input; a
 * returned buffer belongs to the caller. Decoding never throws: malformed input is a drop.
 */
final class VtepCodec {
  /** What a datagram from the underlay becomes. */
  sealed interface Decoded {
    record Frame(ByteBuf frame) implements Decoded {}

    record Dropped(DropReason reason) implements Decoded {}
  }

  private final Vtep.Spec spec;
  private final ByteBufAllocator alloc;

  VtepCodec(Vtep.Spec spec, ByteBufAllocator alloc) {
    this.spec = spec;
    this.alloc = alloc;
  }

  /** The payload for {@code frame} (at least an Ethernet header long); empty when GRE cannot carry it (not IP). */
  Optional<ByteBuf> encapsulate(ByteBuf frame) {
    if (spec.encapsulation() == Encapsulation.VXLAN) {
      ByteBuf out = alloc.directBuffer(VxlanHeader.LENGTH + frame.readableBytes());
      new VxlanHeader(spec.vni()).encode(out);
      return Optional.of(out.writeBytes(frame, frame.readerIndex(), frame.readableBytes()));
    }
    // GRE carries IP only: the Ethernet header goes, its EtherType becomes the GRE protocol
    int type = EthernetHeader.etherTypeAt(frame, frame.readerIndex());
    if (type != EtherType.IPV4 && type != EtherType.IPV6) {
      return Optional.empty();
    }
    GreHeader gre = GreHeader.of(type, Optional.of((long) spec.vni().value()));
    int payload = frame.readableBytes() - EthernetHeader.LENGTH;
    ByteBuf out = alloc.directBuffer(gre.length() + payload);
    gre.encode(out);
    return Optional.of(out.writeBytes(frame, frame.readerIndex() + EthernetHeader.LENGTH, payload));
  }

  /** The frame in {@code payload}; {@code sender} is the sending peer's VTEP MAC when it is a known peer. */
  Decoded decapsulate(ByteBuf payload, Optional<Mac> sender) {
    try {
      return spec.encapsulation() == Encapsulation.VXLAN ? fromVxlan(payload) : fromGre(payload, sender);
    } catch (PacketException e) {
      return new Decoded.Dropped(DropReason.unparsable(e));
    }
  }

  private Decoded fromVxlan(ByteBuf in) {
    VxlanHeader header = VxlanHeader.decode(in.duplicate());
    if (!header.vni().equals(spec.vni())) {
      return new Decoded.Dropped(DropReason.UNKNOWN_TUNNEL);
    }
    int length = in.readableBytes() - VxlanHeader.LENGTH;
    if (length < EthernetHeader.LENGTH) {
      return new Decoded.Dropped(DropReason.MALFORMED);
    }
    Mac destination = EthernetHeader.destinationAt(in, in.readerIndex() + VxlanHeader.LENGTH);
    if (!destination.equals(spec.mac()) && !destination.isMulticast()) {
      return new Decoded.Dropped(DropReason.NOT_FOR_US);
    }
    return new Decoded.Frame(in.retainedSlice(in.readerIndex() + VxlanHeader.LENGTH, length));
  }

  /** GRE has no Ethernet header to restore: it is made from the sender's VTEP MAC to ours. */
  private Decoded fromGre(ByteBuf payload, Optional<Mac> sender) {
    ByteBuf in = payload.duplicate();
    GreHeader header = GreHeader.decode(in);
    boolean ours = header.key().filter(k -> k == spec.vni().value()).isPresent();
    boolean ip = header.protocolType() == EtherType.IPV4 || header.protocolType() == EtherType.IPV6;
    if (sender.isEmpty() || !ours || !ip) {
      return new Decoded.Dropped(DropReason.UNKNOWN_TUNNEL);
    }
    if (in.readableBytes() == 0) {
      return new Decoded.Dropped(DropReason.MALFORMED);
    }
    ByteBuf out = alloc.directBuffer(EthernetHeader.LENGTH + in.readableBytes());
    new EthernetHeader(spec.mac(), sender.get(), header.protocolType()).encode(out);
    return new Decoded.Frame(out.writeBytes(in));
  }
}
