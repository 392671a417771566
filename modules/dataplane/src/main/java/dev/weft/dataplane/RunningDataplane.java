package dev.weft.dataplane;

import dev.weft.dataplane.forward.Switchboard;
import dev.weft.dataplane.plan.HostPlan;
import dev.weft.dataplane.policy.CachedHooks;
import dev.weft.dataplane.policy.FlowCacheCounters;
import dev.weft.dataplane.provision.PodProvisioner;
import dev.weft.dataplane.provision.ProvisionedPod;
import dev.weft.dataplane.stats.CountingObserver;
import dev.weft.dataplane.stats.DataplaneStats;
import dev.weft.dataplane.stats.MetricsServer;
import dev.weft.dataplane.stats.PortCounters;
import dev.weft.dataplane.stats.PortStats;
import dev.weft.dataplane.underlay.Encapsulation;
import dev.weft.linux.LinuxDriver;
import dev.weft.sim.netfilter.RulesetHooks;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.IoEventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * A started dataplane: its event loop, pods, ports and counters. {@link #close} stops forwarding,
 * closes every TAP and socket, removes the namespaces it created and releases every buffer. Thread-safe:
 * {@link #stats} may be read from any thread while the loop forwards.
 */
public final class RunningDataplane implements AutoCloseable {
  private final HostPlan plan;
  private final LinuxDriver driver;
  private final MultiThreadIoEventLoopGroup group;
  private final IoEventLoop loop;
  private final Switchboard switchboard;
  private final FlowCacheCounters cache;
  private final List<PortCounters> ports = new ArrayList<>();
  private final List<ProvisionedPod> pods = new ArrayList<>();
  private final List<Ports.Attached> attached = new ArrayList<>();
  private final PodProvisioner provisioner;
  private final ErrorLog errors = new ErrorLog();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private ScheduledFuture<?> timer;
  private MetricsServer metrics;
  private boolean closed;

  private RunningDataplane(HostPlan plan, DataplaneOptions options, LinuxDriver driver) {
    this.plan = plan;
    this.driver = driver;
    ThreadFactory threads = r -> Thread.ofPlatform().name("weft-dataplane-" + plan.host()).unstarted(r);
    this.group = new MultiThreadIoEventLoopGroup(1, threads, EpollIoHandler.newFactory());
    this.loop = group.next();
    this.cache = new FlowCacheCounters();
    PortCounters internal = new PortCounters("internal", "internal");
    ports.add(internal);
    CountingObserver observer = new CountingObserver(internal);
    CachedHooks hooks = new CachedHooks(RulesetHooks.of(plan.fabric().model()), cache);
    this.switchboard = onLoop(() -> new Switchboard(plan, hooks, InstantSource.system(), observer, internal,
        ByteBufAllocator.DEFAULT, errors));
    this.provisioner = new PodProvisioner(driver, options.namespaces(), options.offloads());
  }

  static RunningDataplane start(HostPlan plan, DataplaneOptions options) {
    if (!Epoll.isAvailable()) {
      throw new DataplaneStartException("the native epoll transport is not available", Epoll.unavailabilityCause());
    }
    RunningDataplane dp = new RunningDataplane(plan, options, LinuxDriver.open());
    try {
      dp.open(options);
      return dp;
    } catch (RuntimeException e) {
      try {
        dp.close();
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }

  private void open(DataplaneOptions options) {
    Ports ports = new Ports(driver, loop, switchboard, errors, options.offloads());
    for (var pod : plan.pods()) {
      ProvisionedPod p = provisioner.provision(pod);
      pods.add(p);
      attached.addAll(ports.taps(p));
    }
    plan.sockets().forEach(s -> attached.add(ports.socket(s, options.namespaces().hostNamespace())));
    if (options.offloads() && options.tunnelSegmentation()
        && plan.sockets().stream().anyMatch(s -> s.encapsulation() == Encapsulation.VXLAN && s.local().isIpv4())) {
      ports.tunnelBatches(options.namespaces().hostNamespace()).ifPresent(attached::add);
    }
    attached.forEach(a -> this.ports.add(a.counters()));
    long every = options.neighborTimeout().toMillis();
    timer = loop.scheduleAtFixedRate(switchboard::neighborTimeout, every, every, TimeUnit.MILLISECONDS);
    if (options.metricsPort().isPresent()) {
      try {
        metrics = MetricsServer.start(options.metricsPort().getAsInt(), this::stats);
      } catch (IOException e) {
        throw new DataplaneStartException("cannot serve /metrics on 127.0.0.1:" + options.metricsPort().getAsInt()
            + ": " + e.getMessage(), e);
      }
    }
  }

  public HostPlan plan() {
    return plan;
  }

  /** The port {@code /metrics} listens on, when it was asked for. */
  public OptionalInt metricsPort() {
    return metrics == null ? OptionalInt.empty() : OptionalInt.of(metrics.port());
  }

  /** The counters now. */
  public DataplaneStats stats() {
    List<PortStats> snapshot = ports.stream().map(PortCounters::snapshot).toList();
    return new DataplaneStats(plan.host().value(), snapshot, cache.hits(), cache.misses());
  }

  /** Errors logged since the start (I/O refusals, handler failures). */
  public long errors() {
    return errors.count();
  }

  /** Blocks until {@link #close} has finished (from a shutdown hook, say). */
  public void awaitStop() throws InterruptedException {
    stopped.await();
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (metrics != null) {
        metrics.close();
      }
      if (timer != null) {
        timer.cancel(false);
      }
      onLoop(() -> {
        attached.forEach(Ports.Attached::close);
        switchboard.close();
        return null;
      });
      group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
      pods.forEach(provisioner::release);
    } finally {
      driver.close();
      stopped.countDown();
    }
  }

  private <T> T onLoop(java.util.concurrent.Callable<T> task) {
    return loop.submit(task).syncUninterruptibly().getNow();
  }
}
