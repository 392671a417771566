package dev.weft.engine.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Makes Netty's leak detector report now rather than some time later: leaks are found when a leaked
 * buffer has been garbage collected and the detector next tracks an allocation, so this collects garbage
 * and allocates a few buffers, then hands over what {@link FailingLeakDetector} recorded.
 */
public final class LeakChecks {
  private static final ConcurrentLinkedQueue<String> LEAKS = new ConcurrentLinkedQueue<>();
  private static final int ROUNDS = 3;

  private LeakChecks() {}

  static void record(String leak) {
    LEAKS.add(leak);
  }

  /** Runs collection and detection, and returns (and forgets) the leaks found so far. */
  public static List<String> collect() {
    for (int round = 0; round < ROUNDS; round++) {
      System.gc();
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      for (int i = 0; i < 32; i++) {
        ByteBuf probe = ByteBufAllocator.DEFAULT.buffer(8);
        probe.release();
      }
    }
    List<String> out = new ArrayList<>();
    for (String leak; (leak = LEAKS.poll()) != null; ) {
      out.add(leak);
    }
    return out;
  }

  /** Whether the custom detector is the one Netty uses; if not, leak checks would pass vacuously. */
  public static boolean installed() {
    return FailingLeakDetector.class.getName().equals(System.getProperty("io.netty.customResourceLeakDetector"));
  }

  /** Throws when a leak was found, naming the test. */
  public static void assertNoLeaks(String test) {
    List<String> leaks = collect();
    if (!leaks.isEmpty()) {
      throw new AssertionError(test + " leaked " + leaks.size() + " Netty buffer(s):\n" + String.join("\n", leaks));
    }
  }
}
