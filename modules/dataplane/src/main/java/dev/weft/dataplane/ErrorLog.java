package dev.weft.dataplane;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Where I/O and handler errors of a running dataplane go: the JDK's system logger, the first few in
 * full and then one line per thousand, so a storm of bad packets cannot flood the log.
 */
public final class ErrorLog implements Consumer<Throwable> {
  private static final System.Logger LOG = System.getLogger("dev.weft.dataplane");
  private static final int IN_FULL = 20;

  private final AtomicLong count = new AtomicLong();

  @Override
  public void accept(Throwable error) {
    long n = count.incrementAndGet();
    if (n <= IN_FULL) {
      LOG.log(System.Logger.Level.WARNING, "dataplane error " + n + ": " + error, error);
    } else if (n % 1000 == 0) {
      LOG.log(System.Logger.Level.WARNING, n + " dataplane errors so far; latest: " + error);
    }
  }

  public long count() {
    return count.get();
  }
}
