package dev.weft.ipam.disk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our lock must exclude flock(2) holders such as host-local: checked with util-linux flock(1). */
class FlockTest {
  @TempDir Path dir;

  private int flockCommand(Path file) throws Exception {
    Process p = new ProcessBuilder("flock", "--nonblock", "--conflict-exit-code", "75", file.toString(), "true")
        .redirectErrorStream(true).start();
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    return p.exitValue();
  }

  @Test
  void excludesOtherFlockHoldersWhileHeldAndReleasesOnClose() throws Exception {
    Path lock = dir.resolve("lock");
    try (Flock held = Flock.exclusive(lock)) {
      assertThat(flockCommand(lock)).as("flock(1) while we hold the lock").isEqualTo(75);
    }
    assertThat(flockCommand(lock)).as("flock(1) after release").isZero();
  }

  @Test
  void waitsForAnotherProcessHoldingTheLock() throws Exception {
    Path lock = dir.resolve("lock");
    Process holder = new ProcessBuilder("flock", lock.toString(), "sleep", "1").start();
    try {
      Thread.sleep(300);
      long start = System.nanoTime();
      try (Flock ignored = Flock.exclusive(lock)) {
        long waitedMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(waitedMs).as("blocked until the other holder exited").isGreaterThan(300);
      }
    } finally {
      holder.destroyForcibly();
      holder.waitFor();
    }
  }

  @Test
  void aKilledHolderLeavesNoLockBehind() throws Exception {
    Path lock = dir.resolve("lock");
    Process holder = new ProcessBuilder("flock", lock.toString(), "sleep", "60").start();
    Thread.sleep(300);
    assertThat(flockCommand(lock)).isEqualTo(75);
    holder.destroyForcibly(); // SIGKILL to flock(1); its child keeps the fd, so kill the tree
    holder.descendants().forEach(ProcessHandle::destroyForcibly);
    holder.waitFor();
    Thread.sleep(200);
    try (Flock ignored = Flock.exclusive(lock)) {
      assertThat(ignored).isNotNull();
    }
  }
}
