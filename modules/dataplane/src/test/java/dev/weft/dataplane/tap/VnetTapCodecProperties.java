package dev.weft.dataplane.tap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.dataplane.offload.Checksums;
import dev.weft.dataplane.offload.TcpSegmenter;
import dev.weft.dataplane.offload.Transport;
import dev.weft.dataplane.offload.VnetHeader;
import dev.weft.dataplane.testing.Frames;
import dev.weft.dataplane.testing.TcpFlow;
import dev.weft.engine.packet.InternetChecksum;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * What the offloading TAP codec writes to a pod's TAP, checked the way the pod's kernel reads it: every
 * write is either one frame as it came, or a GSO super-frame whose virtio-net header and IP/TCP headers
 * are consistent, and which the kernel's own segmentation (here {@link TcpSegmenter}, the reference for
 * cutting a super-frame) turns back into exactly the frames that went in, in order. A merge across
 * flows or directions, a gap in sequence numbers or a header byte taken from the wrong place shows up as
 * a frame that differs from its input.
 */
class VnetTapCodecProperties {
  private static final int ACK = 0x10;
  private static final int PSH = 0x08;
  private static final int FIN = 0x01;
  /** Ethernet, IPv6 and TCP with timestamps: where a wrong byte would make the kernel miss the socket. */
  private static final int HEADERS_SHOWN = 14 + 40 + 32;

  /** What the next segment of a direction is; the last four change something that must end a batch. */
  enum Kind { FULL, SHORT, PSH, FIN, ACK_ONLY, ACK_MOVES, GAP, TS_TICK, WINDOW }

  record Connection(TcpFlow flow, int mss) {}

  /** {@code burst} full segments of one direction, then one of {@code kind}, as a sender's window goes out. */
  record Step(int connection, boolean reverse, int burst, Kind kind, int size, boolean flushAfter) {}

  /** One write() to the TAP: the bytes (header first) and what the codec said they carry. */
  record Written(ByteBuf bytes, int frames, int frameBytes) {}

  @Property(tries = 400)
  void writesAreFramesOrSuperFramesThatSegmentBackToTheInput(@ForAll("connections") List<Connection> connections,
      @ForAll("steps") List<Step> steps, @ForAll long seqSeed) {
    List<Written> writes = run(connections, steps, seqSeed);
    // not vacuous: most runs merge something (about 73% of them, 2 points of spread over 400 tries; 50 is the
    // floor so that a random seed never fails a correct codec, while a codec that stopped merging still does)
    Statistics.label("merged").collect(writes.stream().anyMatch(w -> w.frames() > 1));
    Statistics.label("merged").coverage(c -> c.check(true).percentage(p -> p > 50));
  }

  /** iperf3's port (5201 = 0x1451): a batch that a PSH segment ends must keep it. */
  @Example
  void aBatchEndedByPushKeepsItsPorts() {
    TcpFlow flow = new TcpFlow(false, 1, 2, 43210, 5201, true, true);
    List<Step> steps = List.of(new Step(0, false, 5, Kind.PSH, 0, false));
    List<Written> writes = run(List.of(new Connection(flow, 1398)), steps, 0xffff_f000L);
    assertThat(writes).extracting(Written::frames).containsExactly(6);
  }

  /** A segment with a wrong checksum is not merged: it reaches the pod as it came, for its kernel to drop. */
  @Example
  void aSegmentWithABadChecksumIsWrittenAloneAndUnmarked() {
    TcpFlow flow = new TcpFlow(false, 1, 2, 43210, 5201, true, false);
    Directions state = new Directions(2, 1000);
    VnetTapCodec codec = new VnetTapCodec(Frames.ALLOC);
    List<Written> writes = new ArrayList<>();
    TapCodec.RawWriter writer = recording(writes);
    try {
      for (int i = 0; i < 4; i++) {
        ByteBuf frame = state.next(0, flow, 1398, new Step(0, false, 0, Kind.FULL, 0, false));
        if (i == 2) {
          int last = frame.writerIndex() - 1;
          frame.setByte(last, frame.getByte(last) ^ 0x5a);
        }
        try {
          assertThat(codec.encode(frame, 0, writer)).isTrue();
        } finally {
          frame.release();
        }
      }
      codec.flush(writer);
      assertThat(writes).extracting(Written::frames).containsExactly(2, 1, 1);
      ByteBuf corrupt = writes.get(1).bytes();
      VnetHeader h = VnetHeader.read(corrupt, corrupt.readerIndex());
      assertThat(h.gso()).isEqualTo(VnetHeader.GSO_NONE);
      assertThat(h.needsChecksum()).as("not marked checksum pending").isFalse();
      ByteBuf frame = corrupt.slice(corrupt.readerIndex() + VnetHeader.LENGTH, corrupt.readableBytes() - VnetHeader.LENGTH);
      assertThat(Transport.of(frame).orElseThrow().verifies(frame)).as("still fails its checksum").isFalse();
    } finally {
      writes.forEach(w -> w.bytes().release());
      codec.close();
    }
  }

  @Provide
  Arbitrary<List<Connection>> connections() {
    Arbitrary<Integer> port = Arbitraries.integers().between(1, 65535);
    Arbitrary<Boolean> bool = Arbitraries.of(false, true);
    Arbitrary<Connection> connection = Combinators.combine(bool, Arbitraries.integers().between(1, 3), port, port,
        bool, bool, Arbitraries.of(536, 1398, 1448))
        .as((v6, host, sport, dport, ts, partial, mss) -> new Connection(new TcpFlow(v6, host, 7, sport, dport, ts, partial), mss));
    return connection.list().ofMinSize(1).ofMaxSize(3);
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.of(false, false, false, true),
        Arbitraries.integers().between(0, 12), Arbitraries.of(Kind.values()), Arbitraries.integers().between(0, 5000),
        Arbitraries.of(false, false, false, true))
        .as(Step::new);
    return step.list().ofMaxSize(25);
  }

  private static List<Written> run(List<Connection> connections, List<Step> steps, long seqSeed) {
    Directions state = new Directions(connections.size() * 2, seqSeed);
    VnetTapCodec codec = new VnetTapCodec(Frames.ALLOC);
    List<ByteBuf> inputs = new ArrayList<>();
    List<Written> writes = new ArrayList<>();
    TapCodec.RawWriter writer = recording(writes);
    List<ByteBuf> outputs = new ArrayList<>();
    try {
      for (Step s : steps) {
        int c = s.connection() % connections.size();
        Connection conn = connections.get(c);
        TcpFlow flow = s.reverse() ? conn.flow().reversed() : conn.flow();
        for (int i = 0; i <= s.burst(); i++) {
          Step one = i < s.burst() ? new Step(s.connection(), s.reverse(), 0, Kind.FULL, 0, false) : s;
          ByteBuf frame = state.next(2 * c + (s.reverse() ? 1 : 0), flow, conn.mss(), one);
          inputs.add(completed(frame));
          try {
            assertThat(codec.encode(frame, 0, writer)).isTrue();
          } finally {
            frame.release();
          }
        }
        if (s.flushAfter()) {
          codec.flush(writer);
        }
      }
      codec.flush(writer);
      for (Written w : writes) {
        outputs.addAll(check(w));
      }
      assertThat(outputs).hasSameSizeAs(inputs);
      for (int i = 0; i < inputs.size(); i++) {
        ByteBuf out = outputs.get(i);
        ByteBuf in = inputs.get(i);
        assertThat(ByteBufUtil.hexDump(out, 0, Math.min(out.readableBytes(), HEADERS_SHOWN)))
            .as("headers of frame %d of %d, re-segmented from what was written", i, inputs.size())
            .isEqualTo(ByteBufUtil.hexDump(in, 0, Math.min(in.readableBytes(), HEADERS_SHOWN)));
        assertThat(ByteBufUtil.equals(out, in)).as("frame %d of %d, whole", i, inputs.size()).isTrue();
      }
      return writes;
    } finally {
      inputs.forEach(ByteBuf::release);
      outputs.forEach(ByteBuf::release);
      writes.forEach(w -> w.bytes().release());
      codec.close();
    }
  }

  /** A writer that keeps a copy of each write: the header, then the frame. */
  static TapCodec.RawWriter recording(List<Written> writes) {
    return (header, frame, frames) -> {
      ByteBuf bytes = Frames.ALLOC.buffer().writeBytes(header, header.readerIndex(), header.readableBytes())
          .writeBytes(frame, frame.readerIndex(), frame.readableBytes());
      writes.add(new Written(bytes, frames, frame.readableBytes()));
      return true;
    };
  }

  /** Asserts one write is well formed and returns the frames it stands for, checksums completed. */
  private static List<ByteBuf> check(Written w) {
    VnetHeader h = VnetHeader.read(w.bytes(), w.bytes().readerIndex());
    ByteBuf frame = w.bytes().slice(w.bytes().readerIndex() + VnetHeader.LENGTH, w.bytes().readableBytes() - VnetHeader.LENGTH);
    assertThat(w.frameBytes()).isEqualTo(frame.readableBytes());
    Transport t = Transport.of(frame).orElseThrow();
    int tcpHeader = (frame.getUnsignedByte(t.offset() + 12) >>> 4) * 4;
    if (h.gso() == VnetHeader.GSO_NONE) {
      assertThat(w.frames()).isEqualTo(1);
      if (h.needsChecksum()) {
        assertThat(h.csumStart()).isEqualTo(t.offset());
        assertThat(h.csumOffset()).isEqualTo(16);
        assertThat(t.partial(frame)).as("a partial checksum is the pseudo-header sum").isTrue();
      } else {
        assertThat(InternetChecksum.verifies(Checksums.add(t.pseudo(), frame, t.offset(), t.length()))).as("TCP checksum").isTrue();
      }
      return List.of(completed(frame));
    }
    boolean v4 = (frame.getUnsignedByte(14) >>> 4) == 4;
    assertThat(h.gso()).isEqualTo(v4 ? VnetHeader.GSO_TCPV4 : VnetHeader.GSO_TCPV6);
    assertThat(h.needsChecksum()).isTrue();
    assertThat(h.hdrLen()).as("hdr_len").isEqualTo(t.offset() + tcpHeader);
    assertThat(h.csumStart()).as("csum_start").isEqualTo(t.offset());
    assertThat(h.csumOffset()).as("csum_offset").isEqualTo(16);
    if (v4) {
      assertThat(frame.getUnsignedShort(16)).as("IPv4 total length").isEqualTo(frame.readableBytes() - 14);
      assertThat(InternetChecksum.verifies(InternetChecksum.add(0, frame, 14, t.offset() - 14))).as("IPv4 header checksum").isTrue();
    } else {
      assertThat(frame.getUnsignedShort(18)).as("IPv6 payload length").isEqualTo(frame.readableBytes() - 54);
    }
    assertThat(t.partial(frame)).as("TCP checksum field holds the merged pseudo-header sum").isTrue();
    int payload = t.length() - tcpHeader;
    assertThat(h.gsoSize()).isPositive();
    assertThat(w.frames()).isGreaterThan(1).isEqualTo((payload + h.gsoSize() - 1) / h.gsoSize());
    return TcpSegmenter.segment(frame, t, h.gsoSize(), Frames.ALLOC);
  }

  /** A copy of {@code frame} with its TCP checksum complete, so that partial and full compare equal. */
  private static ByteBuf completed(ByteBuf frame) {
    ByteBuf copy = Frames.ALLOC.buffer(frame.readableBytes()).writeBytes(frame, frame.readerIndex(), frame.readableBytes());
    Transport.of(copy).orElseThrow().complete(copy);
    return copy;
  }

  /** Sequence, ack, IP id, timestamp and window of each direction of each connection. */
  private static final class Directions {
    private final long[] seq;
    private final long[] ack;
    private final int[] id;
    private final long[] tsval;
    private final int[] window;

    Directions(int n, long seed) {
      seq = new long[n];
      ack = new long[n];
      id = new int[n];
      tsval = new long[n];
      window = new int[n];
      for (int i = 0; i < n; i++) {
        seq[i] = (seed + i * 0x9e37_79b9L) & 0xffff_ffffL;
        ack[i] = (seed * 31 + i) & 0xffff_ffffL;
        id[i] = (int) (seed >>> 7) + i * 1000;
        tsval[i] = 100_000 + i;
        window[i] = 502;
      }
    }

    ByteBuf next(int d, TcpFlow flow, int mss, Step s) {
      int flags = ACK;
      int size = mss;
      switch (s.kind()) {
        case FULL -> { }
        case SHORT -> size = 1 + s.size() % (mss - 1);
        case PSH -> flags |= PSH;
        case FIN -> {
          size = s.size() % (mss + 1);
          flags |= FIN | PSH;
        }
        case ACK_ONLY -> size = 0;
        case ACK_MOVES -> ack[d] = (ack[d] + 1 + s.size()) & 0xffff_ffffL;
        case GAP -> seq[d] = (seq[d] + mss) & 0xffff_ffffL;
        case TS_TICK -> tsval[d]++;
        case WINDOW -> window[d] = 1 + s.size() % 0xffff;
      }
      byte[] payload = new byte[size];
      for (int i = 0; i < size; i++) {
        payload[i] = (byte) (seq[d] + i * 7 + d);
      }
      ByteBuf frame = flow.frame(seq[d], ack[d], flags, window[d], id[d], tsval[d], payload);
      seq[d] = (seq[d] + size + ((flags & FIN) != 0 ? 1 : 0)) & 0xffff_ffffL;
      id[d]++;
      return frame;
    }
  }
}
