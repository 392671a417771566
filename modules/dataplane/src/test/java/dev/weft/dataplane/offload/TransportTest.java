package dev.weft.dataplane.offload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.dataplane.testing.Frames;
import dev.weft.engine.packet.FrameDecoder;
import dev.weft.engine.packet.IpProtocol;
import dev.weft.engine.packet.TcpHeader;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Mac;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TransportTest {
  private static final Mac A = new Mac(2);
  private static final Mac B = new Mac(4);

  /** A checksum a kernel left partial (the folded pseudo-header sum) is recognised and completed to the real one. */
  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.1|10.0.0.2|tcp", "10.0.0.1|10.0.0.2|udp", "fd00::1|fd00::2|tcp", "fd00::1|fd00::2|udp"})
  void partialChecksumsAreFoundAndCompleted(String spec) {
    String[] p = spec.split("\\|");
    IpAddress from = IpAddress.parse(p[0]);
    IpAddress to = IpAddress.parse(p[1]);
    byte[] payload = new byte[333];
    for (int i = 0; i < payload.length; i++) {
      payload[i] = (byte) (i * 7);
    }
    ByteBuf good = p[2].equals("tcp") ? Frames.tcp(B, A, from, to, 99, TcpHeader.ACK, payload) : Frames.udp(B, A, from, to, 53, payload);
    ByteBuf partial = good.copy();
    try {
      Transport t = Transport.of(partial).orElseThrow();
      assertThat(t.protocol()).isEqualTo(p[2].equals("tcp") ? IpProtocol.TCP : IpProtocol.UDP);
      assertThat(t.partial(partial)).as("a complete checksum is not partial").isFalse();
      partial.setShort(t.checksumOffset(), t.foldedPseudo());
      assertThat(t.partial(partial)).isTrue();
      t.complete(partial);
      assertThat(ByteBufUtil.equals(partial, good)).isTrue();
      FrameDecoder.standard().decodeFrame(partial);
    } finally {
      good.release();
      partial.release();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 13, 20, 33})
  void truncatedFramesHaveNoTransport(int keep) {
    ByteBuf good = Frames.tcp(B, A, IpAddress.parse("10.0.0.1"), IpAddress.parse("10.0.0.2"), 1, TcpHeader.ACK, new byte[10]);
    try {
      assertThat(Transport.of(good.slice(0, keep))).isEmpty();
    } finally {
      good.release();
    }
  }

  /** A TCP data offset below 20 bytes or beyond the segment leaves the frame without a transport (nothing to cut or merge). */
  @ParameterizedTest
  @ValueSource(ints = {0, 4, 8, 15})
  void aDataOffsetThatDoesNotFitHasNoTransport(int words) {
    ByteBuf frame = Frames.tcp(B, A, IpAddress.parse("10.0.0.1"), IpAddress.parse("10.0.0.2"), 1, TcpHeader.ACK, new byte[10]);
    try {
      assertThat(Transport.of(frame)).as("as built, 5 words").isPresent();
      int at = 14 + 20 + 12;
      frame.setByte(at, words << 4);
      assertThat(Transport.of(frame)).as("data offset of %d words in a 30-byte segment", words).isEmpty();
    } finally {
      frame.release();
    }
  }
}
