package dev.weft.sim.run;

import dev.weft.engine.message.IpDatagram;
import dev.weft.engine.message.LocalPacket;
import dev.weft.engine.message.PortFrame;
import dev.weft.engine.message.ReceivedPacket;
import dev.weft.engine.message.RoutedPacket;
import dev.weft.engine.packet.ArpPacket;
import dev.weft.engine.packet.DecodedFrame;
import dev.weft.engine.packet.FrameDecoder;
import dev.weft.engine.packet.GreHeader;
import dev.weft.engine.packet.Header;
import dev.weft.engine.packet.Icmpv4Header;
import dev.weft.engine.packet.Icmpv6Header;
import dev.weft.engine.packet.NdpMessage;
import dev.weft.engine.packet.PacketException;
import dev.weft.engine.packet.VxlanHeader;
import dev.weft.sim.Role;
import io.netty.buffer.ByteBuf;
import io.netty.channel.socket.DatagramPacket;
import java.util.ArrayList;
import java.util.List;

/**
 * What a message in flight is: its headers (outermost first, through any tunnel) and which traffic it
 * belongs to. Anything that does not decode is treated as the traced packet, so nothing is hidden.
 */
record Inspection(List<Header> headers, Role role) {
  private static final FrameDecoder DECODER = FrameDecoder.standard();

  /** {@code bareIp}: the message is a PortFrame on a point-to-point IP link, which carries no Ethernet header. */
  static Inspection of(Object message, boolean bareIp) {
    try {
      List<Header> headers = switch (message) {
        case PortFrame f -> bareIp ? DECODER.decodePacket(f.content()).headers() : DECODER.decodeFrame(f.content()).headers();
        case LocalPacket p -> DECODER.decodePacket(p.content()).headers();
        case ReceivedPacket p -> DECODER.decodePacket(p.content()).headers();
        case RoutedPacket p -> DECODER.decodePacket(p.content()).headers();
        case DatagramPacket d -> vxlanPayload(d.content());
        case IpDatagram g -> grePayload(g.content());
        default -> List.of();
      };
      return new Inspection(headers, roleOf(headers));
    } catch (PacketException | IndexOutOfBoundsException e) {
      return new Inspection(List.of(), Role.PACKET);
    }
  }

  private static List<Header> vxlanPayload(ByteBuf b) {
    ByteBuf in = b.duplicate();
    List<Header> out = new ArrayList<>();
    out.add(VxlanHeader.decode(in));
    out.addAll(DECODER.decodeFrame(in).headers());
    return out;
  }

  private static List<Header> grePayload(ByteBuf b) {
    ByteBuf in = b.duplicate();
    List<Header> out = new ArrayList<>();
    GreHeader gre = GreHeader.decode(in);
    out.add(gre);
    DecodedFrame inner = gre.protocolType() == 0x6558 ? DECODER.decodeFrame(in) : DECODER.decodePacket(in);
    out.addAll(inner.headers());
    return out;
  }

  /** How many tunnel headers (VXLAN, GRE) the message carries, outermost to innermost. */
  int tunnels() {
    int n = 0;
    for (Header h : headers) {
      if (h instanceof VxlanHeader || h instanceof GreHeader) {
        n++;
      }
    }
    return n;
  }

  static Role roleOf(List<Header> headers) {
    for (Header h : headers) {
      switch (h) {
        case ArpPacket a -> {
          return Role.RESOLUTION;
        }
        case NdpMessage n -> {
          return Role.RESOLUTION;
        }
        case Icmpv4Header i when i.reportsError() -> {
          return Role.ERROR;
        }
        case Icmpv6Header i when i.reportsError() -> {
          return Role.ERROR;
        }
        default -> { }
      }
    }
    return Role.PACKET;
  }
}
