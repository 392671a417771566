package dev.weft.engine.pcap;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PcapWriterTest {

  @Test
  void writesTheGlobalHeaderAndOneRecordPerFrame() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PcapWriter w = new PcapWriter(bytes)) {
      w.write(Instant.ofEpochSecond(1_700_000_000L, 123_456_789), Unpooled.wrappedBuffer(new byte[] {1, 2, 3}));
    }
    ByteBuffer b = ByteBuffer.wrap(bytes.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(b.remaining()).isEqualTo(24 + 16 + 3);
    assertThat(b.getInt()).isEqualTo(0xa1b2c3d4);
    assertThat(b.getShort()).isEqualTo((short) 2);
    assertThat(b.getShort()).isEqualTo((short) 4);
    b.getInt();
    b.getInt();
    assertThat(b.getInt()).isEqualTo(PcapWriter.SNAPLEN);
    assertThat(b.getInt()).isEqualTo(1);
    assertThat(b.getInt()).isEqualTo(1_700_000_000);
    assertThat(b.getInt()).isEqualTo(123_456);
    assertThat(b.getInt()).isEqualTo(3);
    assertThat(b.getInt()).isEqualTo(3);
    assertThat(new byte[] {b.get(), b.get(), b.get()}).containsExactly(1, 2, 3);
  }
}
