package dev.weft.linux.netns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.linux.testing.Lab;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class NamespaceThreadsIT {
  @RegisterExtension static final Lab LAB = new Lab();

  @Test
  void manyConcurrentTasksNeverLeakANamespace() throws Exception {
    List<NetnsRef.Named> spaces = new ArrayList<>();
    Map<NetnsRef, NetnsId> expected = new ConcurrentHashMap<>();
    for (int i = 0; i < 4; i++) {
      NetnsRef.Named ns = LAB.namespace("c");
      spaces.add(ns);
      expected.put(ns, NetnsId.of(Path.of("/run/netns", ns.name().value())));
    }
    NetnsId home = LAB.driver().threads().homeId();
    AtomicBoolean stop = new AtomicBoolean();
    Set<NetnsId> seenByBystanders = ConcurrentHashMap.newKeySet();
    // Bystanders: platform and virtual threads that never asked to enter a namespace.
    List<Thread> bystanders = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Runnable sample = () -> {
        while (!stop.get()) {
          seenByBystanders.add(NetnsId.ofCurrentThread());
          // Sleep, not spin: a spinning virtual thread would hog a carrier and starve the callers.
          try {
            Thread.sleep(1);
          } catch (InterruptedException e) {
            return;
          }
        }
      };
      bystanders.add(i % 2 == 0 ? Thread.ofPlatform().start(sample) : Thread.ofVirtual().start(sample));
    }
    List<String> wrong = java.util.Collections.synchronizedList(new ArrayList<>());
    try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        NetnsRef target = i % 5 == 4 ? NetnsRef.home() : spaces.get(i % spaces.size());
        NetnsId want = target instanceof NetnsRef.Home ? home : expected.get(target);
        futures.add(callers.submit(() -> {
          NetnsId inside = LAB.driver().threads().call(target, NetnsId::ofCurrentThread);
          if (!inside.equals(want)) {
            wrong.add(target.describe() + " ran in " + inside);
          }
          // Nested entry from inside a namespace task returns to the outer namespace.
          NetnsId afterNested = LAB.driver().threads().call(target, () -> {
            LAB.driver().threads().call(spaces.getFirst(), NetnsId::ofCurrentThread);
            return NetnsId.ofCurrentThread();
          });
          if (!afterNested.equals(want)) {
            wrong.add("nested call did not return to " + target.describe());
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      stop.set(true);
      for (Thread t : bystanders) {
        t.join();
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(seenByBystanders).containsOnly(home);
    assertThat(NetnsId.ofCurrentThread()).isEqualTo(home);
  }

  @Test
  void idleNamespaceThreadsAreHome() throws Exception {
    NetnsRef.Named ns = LAB.namespace("h");
    NamespaceThreads threads = LAB.driver().threads();
    CountDownLatch both = new CountDownLatch(2);
    // Occupy both pool threads in the namespace at once, then check each is home afterwards.
    try (ExecutorService callers = Executors.newFixedThreadPool(2)) {
      for (int i = 0; i < 2; i++) {
        callers.submit(() -> threads.call(ns, () -> {
          both.countDown();
          try {
            both.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return null;
        }));
      }
    }
    for (int i = 0; i < 8; i++) {
      assertThat(threads.call(NetnsRef.home(), NetnsId::ofCurrentThread)).isEqualTo(threads.homeId());
    }
  }

  @Test
  void taskExceptionsPropagateAndTheThreadStillReturns() {
    NetnsRef.Named ns = LAB.namespace("x");
    NamespaceThreads threads = LAB.driver().threads();
    assertThatThrownBy(() -> threads.call(ns, () -> {
      throw new IllegalStateException("boom");
    })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
    for (int i = 0; i < 4; i++) {
      assertThat(threads.call(NetnsRef.home(), NetnsId::ofCurrentThread)).isEqualTo(threads.homeId());
    }
  }

  @Test
  void missingNamespaceIsNotFound() {
    assertThatThrownBy(() -> LAB.driver().threads().call(NetnsRef.named("wt-no-such-ns"), () -> 1))
        .isInstanceOf(dev.weft.linux.error.NotFoundException.class);
  }
}
