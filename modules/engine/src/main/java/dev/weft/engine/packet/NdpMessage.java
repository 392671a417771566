package dev.weft.engine.packet;

import dev.weft.model.value.IpAddress;
import dev.weft.model.value.IpFamily;
import dev.weft.model.value.Mac;
import io.netty.buffer.ByteBuf;
import java.util.Optional;

/**
 * The body of a neighbour solicitation or advertisement (RFC 4861) after the 8-byte ICMPv6 header: the target
 * address and, optionally, one link-layer address option (source for a solicitation, target for an
 * advertisement). Other options are skipped on decode.
 */
public record NdpMessage(boolean solicitation, IpAddress target, Optional<Mac> linkLayerAddress) implements Header {
  private static final int OPTION_SOURCE_LL = 1;
  private static final int OPTION_TARGET_LL = 2;

  public NdpMessage {
    Wire.requireFamily("NDP target", target, IpFamily.IPV6);
  }

  /** The solicited-node multicast address ff02::1:ffXX:XXXX a solicitation for {@code target} goes to. */
  public static IpAddress solicitedNode(IpAddress target) {
    return IpAddress.ipv6(0xff02_0000_0000_0000L, 0x0000_0001_ff00_0000L | (target.low() & 0xff_ffffL));
  }

  /** The Ethernet multicast address 33:33:xx:xx:xx:xx of an IPv6 multicast group (RFC 2464). */
  public static Mac multicastMac(IpAddress group) {
    return new Mac(0x3333_0000_0000L | (group.low() & 0xffff_ffffL));
  }

  public static NdpMessage decode(ByteBuf in, boolean solicitation) {
    Wire.require(in, 16, "NDP message");
    IpAddress target = Wire.readAddress(in, IpFamily.IPV6);
    Optional<Mac> ll = Optional.empty();
    int wanted = solicitation ? OPTION_SOURCE_LL : OPTION_TARGET_LL;
    while (in.readableBytes() >= 2) {
      int type = in.getUnsignedByte(in.readerIndex());
      int len = in.getUnsignedByte(in.readerIndex() + 1) * 8;
      if (len == 0) {
        throw new MalformedPacketException("NDP option", "zero length");
      }
      Wire.require(in, len, "NDP option");
      if (type == wanted && len == 8) {
        ll = Optional.of(Wire.getMac(in, in.readerIndex() + 2));
      }
      in.skipBytes(len);
    }
    return new NdpMessage(solicitation, target, ll);
  }

  @Override
  public int length() {
    return 16 + (linkLayerAddress.isPresent() ? 8 : 0);
  }

  /** Writes the target and option; the reserved word (or advertisement flags) is the ICMPv6 header's rest. */
  @Override
  public void encode(ByteBuf out) {
    Wire.writeAddress(out, target);
    linkLayerAddress.ifPresent(mac -> {
      out.writeByte(solicitation ? OPTION_SOURCE_LL : OPTION_TARGET_LL);
      out.writeByte(1);
      Wire.writeMac(out, mac);
    });
  }

  @Override
  public String summary() {
    return (solicitation ? "who has " + target : "tgt is " + target)
        + linkLayerAddress.map(m -> (solicitation ? ", src lladdr " : ", lladdr ") + m).orElse("");
  }
}
