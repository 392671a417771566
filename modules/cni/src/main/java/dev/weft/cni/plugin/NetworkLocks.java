package dev.weft.cni.plugin;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One read-write lock per network name, shared by every plugin instance of a process: ADD and DEL
 * share it, GC holds it alone (the spec runs GC exclusively; the daemon enforces it for itself).
 */
public final class NetworkLocks {
  private final Map<String, ReadWriteLock> locks = new ConcurrentHashMap<>();

  public Lock acquire(String network, boolean exclusive) {
    ReadWriteLock rw = locks.computeIfAbsent(network, n -> new ReentrantReadWriteLock());
    Lock lock = exclusive ? rw.writeLock() : rw.readLock();
    lock.lock();
    return lock;
  }
}
