package dev.weft.dataplane.offload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.dataplane.testing.Frames;
import dev.weft.engine.packet.DecodedFrame;
import dev.weft.engine.packet.FrameDecoder;
import dev.weft.engine.packet.IpHeader;
import dev.weft.engine.packet.Ipv4Header;
import dev.weft.engine.packet.TcpHeader;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Mac;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.io.ByteArrayOutputStream;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class TcpSegmenterProperties {
  private static final FrameDecoder DECODER = FrameDecoder.standard();

  /**
   * The pieces carry the payload in order, each at most MSS bytes, with consecutive sequence numbers,
   * FIN and PSH only on the last, and IP and TCP checksums that the engine's decoder verifies.
   */
  @Property(tries = 300)
  void piecesAreValidSegmentsThatReassemble(@ForAll @Size(max = 20000) byte[] payload,
      @ForAll @IntRange(min = 1, max = 1460) int mss, @ForAll boolean ipv6, @ForAll @IntRange(max = 0xff) int flagBits,
      @ForAll long seqSeed) {
    IpAddress from = IpAddress.parse(ipv6 ? "fd00::1" : "10.1.0.1");
    IpAddress to = IpAddress.parse(ipv6 ? "fd00::2" : "10.1.0.2");
    long seq = seqSeed & 0xffff_ffffL;
    int flags = (flagBits & (TcpHeader.FIN | TcpHeader.PSH | TcpHeader.CWR | TcpHeader.ECE)) | TcpHeader.ACK;
    ByteBuf frame = Frames.tcp(new Mac(2), new Mac(4), from, to, seq, flags, payload);
    List<ByteBuf> pieces = TcpSegmenter.segment(frame, Transport.of(frame).orElseThrow(), mss, Frames.ALLOC);
    try {
      ByteArrayOutputStream data = new ByteArrayOutputStream();
      long expectedSeq = seq;
      for (int i = 0; i < pieces.size(); i++) {
        DecodedFrame d = DECODER.decodeFrame(pieces.get(i));
        TcpHeader tcp = d.first(TcpHeader.class).orElseThrow();
        assertThat(d.payloadLength()).isLessThanOrEqualTo(mss);
        assertThat(tcp.sequence()).isEqualTo(expectedSeq & 0xffff_ffffL);
        boolean last = i == pieces.size() - 1;
        assertThat(tcp.flags() & (TcpHeader.FIN | TcpHeader.PSH)).isEqualTo(last ? flags & (TcpHeader.FIN | TcpHeader.PSH) : 0);
        assertThat(tcp.flags() & TcpHeader.CWR).isEqualTo(i == 0 ? flags & TcpHeader.CWR : 0);
        if (!ipv6) {
          assertThat(((Ipv4Header) d.first(IpHeader.class).orElseThrow()).identification()).isEqualTo((4242 + i) & 0xffff);
        }
        ByteBuf p = pieces.get(i);
        data.writeBytes(ByteBufUtil.getBytes(p, p.readableBytes() - d.payloadLength(), d.payloadLength()));
        expectedSeq += d.payloadLength();
      }
      assertThat(data.toByteArray()).isEqualTo(payload);
      assertThat(pieces).hasSize(Math.max(1, (payload.length + mss - 1) / mss));
    } finally {
      frame.release();
      pieces.forEach(ByteBuf::release);
    }
  }
}
