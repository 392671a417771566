package dev.weft.linux.tx;

import dev.weft.linux.LinuxDriver;
import dev.weft.linux.Rtnetlink;
import dev.weft.linux.link.Link;
import dev.weft.linux.link.LinkSpec;
import dev.weft.linux.neigh.FdbSpec;
import dev.weft.linux.netns.NetnsName;
import dev.weft.linux.netns.NetnsRef;
import dev.weft.linux.route.RouteSpec;
import dev.weft.linux.sysctl.SysctlKey;
import dev.weft.model.value.InterfaceAddress;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Mac;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A multi-step driver operation that is all or nothing. Each step records how to undo itself; unless
 * {@link #commit} is reached, {@link #close} undoes every completed step, newest first:
 *
 * <pre>{@code
 * try (Transaction tx = driver.begin("deploy lab wt1")) {
 *   tx.createNamespace(name);
 *   tx.createLink(ns, spec);
 *   tx.commit();
 * }
 * }</pre>
 *
 * A failure inside try-with-resources thus leaves nothing the transaction created; a failed undo is
 * reported as a {@link dev.weft.linux.error.RollbackException} suppressed on the original error. Steps
 * only undo what they created: a link that existed before is never deleted.
 */
public final class Transaction implements AutoCloseable {
  private final LinuxDriver driver;
  private final String operation;
  private final UndoLog undo = new UndoLog();
  private final Map<NetnsRef, Rtnetlink> sessions = new HashMap<>();
  private boolean committed;

  public Transaction(LinuxDriver driver, String operation) {
    this.driver = driver;
    this.operation = operation;
  }

  /** The rtnetlink session for {@code ns}, shared by this transaction's steps and its undo actions. */
  public Rtnetlink in(NetnsRef ns) {
    return sessions.computeIfAbsent(ns, driver::rtnetlink);
  }

  /** Runs any step with its own undo. */
  public <T> T step(String description, Supplier<T> action, Runnable undoAction) {
    T result = action.get();
    undo.push(description, undoAction);
    return result;
  }

  public NetnsRef.Named createNamespace(NetnsName name) {
    return step("namespace " + name, () -> driver.namespaces().create(name), () -> {
      Rtnetlink open = sessions.remove(NetnsRef.named(name));
      if (open != null) {
        open.close();
      }
      driver.namespaces().deleteIfExists(name);
    });
  }

  /** Creates a link; the undo deletes it (deleting one veth end removes both). */
  public Link createLink(NetnsRef ns, LinkSpec spec) {
    return step("link " + spec.name() + " in " + ns.describe(), () -> in(ns).links().create(spec),
        () -> in(ns).links().deleteIfExists(spec.name()));
  }

  public void addAddress(NetnsRef ns, InterfaceName device, InterfaceAddress address) {
    step("address " + address + " on " + device, () -> {
      in(ns).addresses().add(device, address);
      return null;
    }, () -> in(ns).addresses().deleteIfExists(device, address));
  }

  public void addRoute(NetnsRef ns, RouteSpec route) {
    step("route " + route + " in " + ns.describe(), () -> {
      in(ns).routes().add(route);
      return null;
    }, () -> in(ns).routes().deleteIfExists(route));
  }

  public void addNeighbour(NetnsRef ns, InterfaceName device, IpAddress address, Mac mac) {
    step("neighbour " + address + " on " + device, () -> {
      in(ns).neighbours().add(device, address, mac);
      return null;
    }, () -> in(ns).neighbours().deleteIfExists(device, address));
  }

  public void appendFdb(NetnsRef ns, FdbSpec entry) {
    step("fdb " + entry, () -> {
      in(ns).fdb().append(entry);
      return null;
    }, () -> in(ns).fdb().deleteIfExists(entry));
  }

  /** Writes a sysctl; the undo writes back the previous value. */
  public void writeSysctl(NetnsRef ns, SysctlKey key, String value) {
    String previous = driver.sysctls().write(ns, key, value);
    undo.push("sysctl " + key, () -> driver.sysctls().write(ns, key, previous));
  }

  /** Keeps everything; {@link #close} then only releases sockets. */
  public void commit() {
    committed = true;
    undo.clear();
  }

  /** Undoes every completed step now. */
  public void rollback() {
    try {
      undo.rollback(operation);
    } finally {
      closeSessions();
    }
  }

  @Override
  public void close() {
    if (committed) {
      closeSessions();
    } else {
      rollback();
    }
  }

  private void closeSessions() {
    sessions.values().forEach(Rtnetlink::close);
    sessions.clear();
  }
}
