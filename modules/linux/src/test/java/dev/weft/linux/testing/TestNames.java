package dev.weft.linux.testing;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Unique names for one test JVM: "wt" + 4 random characters, then a counter, so that parallel
 * engineers and CI runs never collide, and leftovers of this run can be found by prefix.
 */
public final class TestNames {
  private static final String RUN = "wt" + randomId(4);
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private TestNames() {}

  /** The prefix of every name this JVM creates. */
  public static String runPrefix() {
    return RUN;
  }

  /** A fresh name of at most 15 bytes: prefix + counter + tag (tag ≤ 6 chars). */
  public static String fresh(String tag) {
    String name = RUN + COUNTER.incrementAndGet() + tag;
    if (name.length() > 15) {
      throw new IllegalArgumentException("test name too long: " + name);
    }
    return name;
  }

  private static String randomId(int length) {
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    SecureRandom random = new SecureRandom();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < length; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }
}
