package dev.weft.engine.packet;

import dev.weft.model.value.IpAddress;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Whatever the bytes, decoding either succeeds or fails with a PacketException: never another exception. */
class DecoderRobustnessProperties {

  @Property(tries = 2000)
  void randomBytesFailCleanly(@ForAll @Size(max = 200) byte[] bytes, @ForAll boolean frame) {
    decode(Unpooled.wrappedBuffer(bytes), frame);
  }

  @Property(tries = 2000)
  void damagedPacketsFailCleanly(@ForAll @Size(max = 120) byte[] payload, @ForAll @IntRange(min = 0, max = 10_000) int where,
      @ForAll byte value, @ForAll @IntRange(min = 0, max = 2) int kind) {
    ByteBuf p = Unpooled.buffer();
    IpAddress a = IpAddress.parse("10.0.0.1");
    IpAddress b = IpAddress.parse("10.0.0.2");
    TransportHeader l4 = switch (kind) {
      case 0 -> TcpHeader.syn(1, 2);
      case 1 -> new UdpHeader(1, 4789, 8);
      default -> Icmpv4Header.echoRequest(1, 1);
    };
    PacketWriter.writeIp(p, Ipv4Header.of(a, b, l4.protocol(), 20, 1, false), l4, Unpooled.wrappedBuffer(payload));
    p.setByte(where % p.readableBytes(), value);
    decode(p, false);
  }

  private static void decode(ByteBuf b, boolean frame) {
    try {
      if (frame) {
        FrameDecoder.standard().decodeFrame(b);
      } else {
        FrameDecoder.standard().decodePacket(b);
      }
    } catch (PacketException expected) {
      // the only acceptable failure
    }
  }
}
