package dev.weft.bench.sim;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Shared settings of the simulator benchmarks: one fork with a heap big enough for a 100,000-pod model,
 * leak detection off (it is paranoid only in tests), and short fixed warm-up and measurement phases. The
 * parallel collector with a 4 GiB young generation keeps collections (mostly of the ~1 GiB model the
 * setup builds) out of the measured single shots; the figures say so.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xmx12g", "-Xmn4g", "-XX:+UseParallelGC", "-Dio.netty.leakDetection.level=disabled"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public abstract class SimBenchmark {}
