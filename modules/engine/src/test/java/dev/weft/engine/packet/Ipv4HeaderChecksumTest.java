package dev.weft.engine.packet;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class Ipv4HeaderChecksumTest {

  /** A header with options (IHL 6, a Router Alert) gets a checksum over all 24 bytes, as a receiver checks it. */
  @Test
  void theChecksumCoversTheOptions() {
    ByteBuf h = Unpooled.buffer(24);
    h.writeByte(0x46).writeByte(0xc0).writeShort(32).writeShort(7).writeShort(0x4000).writeByte(1).writeByte(2)
        .writeShort(0xbeef).writeInt(0x0a00_0105).writeInt(0xe000_0016).writeInt(0x9404_0000);
    try {
      Ipv4Header.updateChecksum(h, 0);
      assertThat(InternetChecksum.verifies(InternetChecksum.add(0, h, 0, 24))).isTrue();
    } finally {
      h.release();
    }
  }
}
