package dev.weft.linux.netns;

import dev.weft.linux.error.NamespaceThreadException;
import dev.weft.linux.sys.Libc;
import dev.weft.linux.sys.Linux;
import java.lang.foreign.Arena;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs tasks inside a network namespace on dedicated platform threads.
 *
 * <p>Design note: {@code setns(CLONE_NEWNET)} moves only the calling OS thread. So (1) it is never
 * called from a virtual thread, whose carrier would carry the namespace into unrelated virtual threads;
 * (2) it runs only on this class's own platform threads, which enter the target for one task and return
 * to the namespace they were in, in {@code finally}; (3) the return is verified by comparing the
 * thread's namespace inode with the one it left, and a thread that cannot return is retired instead of
 * reused. A task started from one of these threads (a nested call) runs inline, entering and leaving
 * again, so nesting cannot deadlock the pool. Tasks must not start threads: a new thread inherits the
 * namespace of the thread that created it. Cost per task: two opens, two setns and two stats.
 */
public final class NamespaceThreads implements AutoCloseable {
  private static final Path THREAD_SELF = Path.of("/proc/thread-self/ns/net");
  private static final Path PROCESS_SELF = Path.of("/proc/self/ns/net");

  private final NetnsHandle home;
  private final NetnsId homeId;
  private final ThreadPoolExecutor pool;
  private final Set<Thread> ours = ConcurrentHashMap.newKeySet();
  private final ThreadLocal<Boolean> retire = ThreadLocal.withInitial(() -> false);

  /** A pool of {@code threads} namespace threads; home is the process's (main thread's) namespace. */
  public NamespaceThreads(int threads) {
    this.home = NetnsHandle.open(PROCESS_SELF, "the home namespace");
    this.homeId = NetnsId.of(PROCESS_SELF);
    AtomicInteger counter = new AtomicInteger();
    this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        runnable -> {
          Thread t = Thread.ofPlatform().daemon().name("weft-netns-" + counter.incrementAndGet())
              .uncaughtExceptionHandler((th, e) -> { })
              .unstarted(() -> {
                ours.add(Thread.currentThread());
                try {
                  // A new thread inherits its creator's namespace, and execute() may run on any
                  // caller's thread: start every worker at home.
                  enter(home, "start namespace thread");
                  runnable.run();
                } finally {
                  ours.remove(Thread.currentThread());
                }
              });
          return t;
        });
    pool.allowCoreThreadTimeOut(true);
  }

  /** The namespace tasks return to, and that {@link NetnsRef.Home} names. */
  public NetnsId homeId() {
    return homeId;
  }

  /** Opens a handle on {@code ns} (for IFLA_NET_NS_FD); the caller closes it. */
  public NetnsHandle open(NetnsRef ns) {
    return NetnsHandle.open(ns.file().orElse(PROCESS_SELF), ns.describe());
  }

  /** Runs {@code task} inside {@code ns} and returns its result; its exceptions propagate unchanged. */
  public <T> T call(NetnsRef ns, Supplier<T> task) {
    return onNamespaceThread(() -> inside(ns, task));
  }

  public void run(NetnsRef ns, Runnable task) {
    call(ns, () -> {
      task.run();
      return null;
    });
  }

  /**
   * Runs {@code task} on a namespace thread inside a brand-new namespace (unshare), then returns the
   * thread to where it was. The new namespace lives on only if the task pins it (e.g. a bind mount).
   */
  public <T> T callInNewNamespace(String operation, Supplier<T> task) {
    return onNamespaceThread(() -> {
      try (Arena arena = Arena.ofConfined(); NetnsHandle previous = NetnsHandle.open(THREAD_SELF, "current namespace")) {
        NetnsId previousId = NetnsId.ofCurrentThread();
        Libc.unshare(Libc.errnoSlot(arena), Linux.CLONE_NEWNET, operation + ": unshare(CLONE_NEWNET)");
        try {
          return task.get();
        } finally {
          restore(previous, previousId, operation);
        }
      }
    });
  }

  private <T> T onNamespaceThread(Supplier<T> work) {
    if (ours.contains(Thread.currentThread())) {
      return work.get();
    }
    CompletableFuture<T> result = new CompletableFuture<>();
    pool.execute(() -> {
      try {
        result.complete(work.get());
      } catch (Throwable t) {
        result.completeExceptionally(t);
      }
      if (retire.get()) {
        throw new RetiredThread();
      }
    });
    try {
      return result.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  private <T> T inside(NetnsRef ns, Supplier<T> task) {
    String operation = "enter " + ns.describe();
    NetnsId targetId = ns.file().map(NetnsId::of).orElse(homeId);
    NetnsId previousId = NetnsId.ofCurrentThread();
    if (targetId.equals(previousId)) {
      return task.get();
    }
    try (NetnsHandle previous = NetnsHandle.open(THREAD_SELF, "current namespace");
        NetnsHandle target = ns.file().map(p -> NetnsHandle.open(p, ns.describe())).orElse(null)) {
      enter(target == null ? home : target, operation);
      try {
        return task.get();
      } finally {
        restore(previous, previousId, operation);
      }
    }
  }

  private void enter(NetnsHandle target, String operation) {
    if (Thread.currentThread().isVirtual()) {
      throw new NamespaceThreadException(operation, "setns must never run on a virtual thread");
    }
    try (Arena arena = Arena.ofConfined()) {
      Libc.setns(Libc.errnoSlot(arena), target.fd(), Linux.CLONE_NEWNET, operation + ": setns");
    }
  }

  private void restore(NetnsHandle previous, NetnsId previousId, String operation) {
    try {
      enter(previous, "return from " + operation);
      if (!NetnsId.ofCurrentThread().equals(previousId)) {
        throw new NamespaceThreadException(operation, "thread did not return to " + previousId);
      }
    } catch (RuntimeException e) {
      retire.set(true);
      throw e;
    }
  }

  @Override
  public void close() {
    pool.shutdown();
    try {
      pool.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    home.close();
  }

  /** Thrown out of a worker that could not return home, so that the pool replaces it. */
  private static final class RetiredThread extends RuntimeException {
    RetiredThread() {
      super("namespace thread retired", null, false, false);
    }
  }
}
