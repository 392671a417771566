package dev.weft.linux;

import dev.weft.linux.netfilter.NetfilterApplier;
import dev.weft.linux.netns.NamespaceRegistry;
import dev.weft.linux.netns.NamespaceThreads;
import dev.weft.linux.netns.NetnsRef;
import dev.weft.linux.sysctl.Sysctls;
import dev.weft.linux.tx.Transaction;

/**
 * The Linux driver: rtnetlink over the FFM API, iproute2-compatible namespaces, per-namespace sysctls
 * and atomic netfilter apply.
 *
 * <p>Design note: the driver holds no kernel state of its own beyond a small pool of namespace threads;
 * every read goes to the kernel. Operations in a namespace go through an {@link Rtnetlink} whose socket
 * was opened inside that namespace (a netlink socket stays bound to the namespace it was created in),
 * so only socket creation, namespace creation, tap creation and sysctls need a thread to enter a
 * namespace. Errors are typed ({@link dev.weft.linux.error.DriverException} and its kinds), and
 * multi-step work goes through a {@link Transaction}, which undoes what it created if a step fails.
 * Needs root (CAP_NET_ADMIN and CAP_SYS_ADMIN).
 */
public final class LinuxDriver implements AutoCloseable {
  private final NamespaceThreads threads;
  private final NamespaceRegistry namespaces;
  private final Sysctls sysctls;
  private final NetfilterApplier netfilter;

  public LinuxDriver(NamespaceThreads threads) {
    this.threads = threads;
    this.namespaces = new NamespaceRegistry(threads);
    this.sysctls = new Sysctls(threads);
    this.netfilter = new NetfilterApplier();
  }

  /** A driver with two namespace threads. */
  public static LinuxDriver open() {
    return new LinuxDriver(new NamespaceThreads(2));
  }

  /** rtnetlink inside {@code ns}; close it when done. */
  public Rtnetlink rtnetlink(NetnsRef ns) {
    return new Rtnetlink(ns, threads);
  }

  public NamespaceRegistry namespaces() {
    return namespaces;
  }

  public NamespaceThreads threads() {
    return threads;
  }

  public Sysctls sysctls() {
    return sysctls;
  }

  public NetfilterApplier netfilter() {
    return netfilter;
  }

  /** Starts an all-or-nothing operation. */
  public Transaction begin(String operation) {
    return new Transaction(this, operation);
  }

  @Override
  public void close() {
    threads.close();
  }
}
