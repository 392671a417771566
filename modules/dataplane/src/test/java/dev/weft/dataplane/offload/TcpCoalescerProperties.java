package dev.weft.dataplane.offload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.dataplane.testing.Frames;
import dev.weft.dataplane.testing.TcpFlow;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

/**
 * {@link TcpCoalescer#extend}, the byte-level shortcut, joins a segment only when {@link
 * TcpCoalescer#offer}, the full judgement, would; two coalescers fed the same segments, one trying the
 * shortcut first, hand over the same batches byte for byte.
 */
class TcpCoalescerProperties {
  private static final int ACK = 0x10;
  private static final int PSH = 0x08;
  private static final int MSS = 1000;

  /** What the next segment does differently from a plain continuation. */
  enum Change { NONE, NONE_TOO, GAP, ACK_MOVES, WINDOW, TS_TICK, CORRUPT, SHORT, PUSH, PARTIAL }

  @Property(tries = 500)
  void theShortcutJoinsExactlyWhatTheFullJudgementJoins(@ForAll boolean v6, @ForAll boolean timestamps,
      @ForAll @Size(max = 40) List<Change> changes, @ForAll long seed) {
    TcpFlow flow = new TcpFlow(v6, 1, 2, 43210, 5201, timestamps, false);
    TcpCoalescer full = new TcpCoalescer(Frames.ALLOC, 8);
    TcpCoalescer shortcut = new TcpCoalescer(Frames.ALLOC, 8);
    long seq = seed & 0xffff_ffffL;
    long ack = 77;
    int window = 500;
    long tsval = 1;
    int extended = 0;
    try {
      for (int i = 0; i < changes.size(); i++) {
        Change c = changes.get(i);
        seq += c == Change.GAP ? 1 : 0;
        ack += c == Change.ACK_MOVES ? 1 : 0;
        window += c == Change.WINDOW ? 1 : 0;
        tsval += c == Change.TS_TICK ? 1 : 0;
        byte[] payload = new byte[c == Change.SHORT ? 300 : MSS];
        new java.util.Random(seed + i).nextBytes(payload);
        TcpFlow f = c == Change.PARTIAL ? new TcpFlow(v6, 1, 2, 43210, 5201, timestamps, true) : flow;
        ByteBuf frame = f.frame(seq, ack, ACK | (c == Change.PUSH ? PSH : 0), window, i, tsval, payload);
        if (c == Change.CORRUPT) {
          int last = frame.writerIndex() - 1;
          frame.setByte(last, frame.getByte(last) ^ 0x21);
        }
        seq = (seq + payload.length) & 0xffff_ffffL;
        try {
          Transport t = Transport.of(frame).orElseThrow();
          boolean took = shortcut.extend(frame);
          TcpCoalescer.Offer judged = full.offer(frame, t);
          if (took) {
            extended++;
            assertThat(judged).as("segment %d (%s) joined by the shortcut only", i, c).isEqualTo(TcpCoalescer.Offer.JOINED);
            continue;
          }
          assertThat(shortcut.offer(frame, t)).isEqualTo(judged);
          if (judged == TcpCoalescer.Offer.NEXT) {
            assertSameBatch(full.take(), shortcut.take());
            full.startWith(frame, t);
            shortcut.startWith(frame, t);
          } else if (judged == TcpCoalescer.Offer.ALONE) {
            assertSameBatch(full.take(), shortcut.take());
          }
        } finally {
          frame.release();
        }
      }
      assertSameBatch(full.take(), shortcut.take());
    } finally {
      full.take().ifPresent(b -> b.frame().release());
      shortcut.take().ifPresent(b -> b.frame().release());
    }
    Statistics.label("shortcut used").collect(extended > 0);
    Statistics.label("shortcut used").coverage(k -> k.check(true).percentage(p -> p > 50));
  }

  private static void assertSameBatch(Optional<TcpCoalescer.Batch> a, Optional<TcpCoalescer.Batch> b) {
    List<String> seen = new ArrayList<>();
    for (Optional<TcpCoalescer.Batch> batch : List.of(a, b)) {
      seen.add(batch.map(x -> x.frames() + "/" + x.gsoSize() + "/" + ByteBufUtil.hexDump(x.frame())).orElse("none"));
      batch.ifPresent(x -> x.frame().release());
    }
    assertThat(seen.get(1)).isEqualTo(seen.get(0));
  }
}
