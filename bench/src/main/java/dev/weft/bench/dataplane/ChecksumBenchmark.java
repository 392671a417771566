package dev.weft.bench.dataplane;

import dev.weft.dataplane.offload.Checksums;
import dev.weft.dataplane.offload.TcpSegmenter;
import dev.weft.dataplane.offload.Transport;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The dataplane's per-byte offload work on one 64 KiB batch (a 64,000-byte TCP payload in an IPv4
 * frame, MSS 1,398, in a pooled direct buffer): summing it in MSS-sized pieces, as the segmenter sums
 * each piece, and cutting it into VXLAN-prefixed pieces with full checksums, as a batch leaves for the
 * underlay. Bytes per second = ops/s × 64,000.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Dio.netty.leakDetection.level=disabled"})
public class ChecksumBenchmark {
  private static final int PAYLOAD = 64_000;
  private static final int MSS = 1_398;
  private static final int HEADERS = 14 + 20 + 32;

  private ByteBuf frame;
  private ByteBuf prefix;
  private ByteBuf out;
  private Transport transport;

  @Setup(Level.Trial)
  public void setUp() {
    frame = PooledByteBufAllocator.DEFAULT.directBuffer(HEADERS + PAYLOAD);
    frame.writeZero(12).writeShort(0x0800);
    frame.writeByte(0x45).writeByte(0).writeShort(20 + 32 + PAYLOAD).writeShort(1).writeShort(0x4000)
        .writeByte(64).writeByte(6).writeShort(0).writeInt(0x0a000001).writeInt(0x0a000002);
    frame.writeShort(40000).writeShort(5201).writeInt(1).writeInt(1).writeByte(8 << 4).writeByte(0x10)
        .writeShort(0xffff).writeZero(4).writeZero(12);
    byte[] data = new byte[PAYLOAD];
    new Random(7).nextBytes(data);
    frame.writeBytes(data);
    transport = Transport.of(frame).orElseThrow();
    prefix = PooledByteBufAllocator.DEFAULT.directBuffer(8).writeLong(0x0800_0000_0000_4d00L);
    out = PooledByteBufAllocator.DEFAULT.directBuffer(50 * (8 + HEADERS + MSS));
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    frame.release();
    prefix.release();
    out.release();
  }

  /** The checksum sum alone, piece by piece over the payload. */
  @Benchmark
  public long sumPieces() {
    long sum = 0;
    for (int at = HEADERS; at < HEADERS + PAYLOAD; at += MSS) {
      sum += Checksums.add(0, frame, at, Math.min(MSS, HEADERS + PAYLOAD - at));
    }
    return sum;
  }

  /** The whole cut: copies, header fields and full IP/TCP checksums of every piece. */
  @Benchmark
  public int segmentInto() {
    out.clear();
    return TcpSegmenter.segmentInto(frame, transport, MSS, prefix, out);
  }
}
