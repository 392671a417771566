package dev.weft.dataplane.testing;

import dev.weft.linux.netns.NamespaceThreads;
import dev.weft.linux.netns.NetnsRef;
import dev.weft.model.value.IpAddress;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.ByteOrder;

/**
 * ICMP echo from inside a namespace over a raw socket (root; this machine has no ping binary): sends
 * requests with this pinger's id and counts the matching replies from the target.
 */
public final class Pinger {
  private static final Linker LINKER = Linker.nativeLinker();
  private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;
  private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG;
  private static final ValueLayout.OfShort NET_SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
  private static final MethodHandle SOCKET = handle("socket", FunctionDescriptor.of(INT, INT, INT, INT));
  private static final MethodHandle SETSOCKOPT = handle("setsockopt", FunctionDescriptor.of(INT, INT, INT, INT, ValueLayout.ADDRESS, INT));
  private static final MethodHandle SENDTO = handle("sendto",
      FunctionDescriptor.of(LONG, INT, ValueLayout.ADDRESS, LONG, INT, ValueLayout.ADDRESS, INT));
  private static final MethodHandle RECV = handle("recv", FunctionDescriptor.of(LONG, INT, ValueLayout.ADDRESS, LONG, INT));
  private static final MethodHandle CLOSE = handle("close", FunctionDescriptor.of(INT, INT));
  private static final int AF_INET = 2;
  private static final int SOCK_RAW = 3;
  private static final int IPPROTO_ICMP = 1;
  private static final int SOL_SOCKET = 1;
  private static final int SO_RCVTIMEO = 20;

  private Pinger() {}

  private static MethodHandle handle(String name, FunctionDescriptor fd) {
    return LINKER.downcallHandle(LINKER.defaultLookup().find(name).orElseThrow(), fd);
  }

  /** Sends {@code count} echo requests from {@code ns} to {@code target}; returns how many were answered. */
  public static int ping(NamespaceThreads threads, NetnsRef ns, IpAddress target, int count) {
    int fd = threads.call(ns, () -> invokeInt(SOCKET, AF_INET, SOCK_RAW, IPPROTO_ICMP));
    if (fd < 0) {
      throw new IllegalStateException("cannot open a raw ICMP socket in " + ns.describe());
    }
    int id = (int) (ProcessHandle.current().pid() & 0xffff) ^ (int) (System.nanoTime() & 0xff00);
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment timeout = arena.allocate(16, 8);
      timeout.set(LONG, 0, 1L);
      invokeInt(SETSOCKOPT, fd, SOL_SOCKET, SO_RCVTIMEO, timeout, 16);
      MemorySegment to = arena.allocate(16, 4);
      to.set(ValueLayout.JAVA_SHORT, 0, (short) AF_INET);
      MemorySegment.copy(target.toBytes(), 0, to, ValueLayout.JAVA_BYTE, 4, 4);
      int answered = 0;
      for (int seq = 1; seq <= count; seq++) {
        MemorySegment echo = echo(arena, id, seq);
        invokeLong(SENDTO, fd, echo, echo.byteSize(), 0, to, 16);
        if (awaitReply(arena, fd, target, id, seq)) {
          answered++;
        }
      }
      return answered;
    } finally {
      invokeInt(CLOSE, fd);
    }
  }

  private static MemorySegment echo(Arena arena, int id, int seq) {
    MemorySegment m = arena.allocate(64);
    m.set(ValueLayout.JAVA_BYTE, 0, (byte) 8);
    m.set(NET_SHORT, 4, (short) id);
    m.set(NET_SHORT, 6, (short) seq);
    for (int i = 8; i < 64; i++) {
      m.set(ValueLayout.JAVA_BYTE, i, (byte) i);
    }
    long sum = 0;
    for (int i = 0; i < 64; i += 2) {
      sum += Short.toUnsignedInt(m.get(NET_SHORT, i));
    }
    while ((sum >>> 16) != 0) {
      sum = (sum & 0xffff) + (sum >>> 16);
    }
    m.set(NET_SHORT, 2, (short) ~sum);
    return m;
  }

  /** Reads until the matching reply or the 1 s receive timeout (several timeouts over 3 s in all). */
  private static boolean awaitReply(Arena arena, int fd, IpAddress target, int id, int seq) {
    MemorySegment buf = arena.allocate(1500);
    long deadline = System.nanoTime() + 3_000_000_000L;
    while (System.nanoTime() < deadline) {
      long n = invokeLong(RECV, fd, buf, 1500L, 0);
      if (n < 28) {
        continue;
      }
      int ihl = (buf.get(ValueLayout.JAVA_BYTE, 0) & 0x0f) * 4;
      byte[] src = buf.asSlice(12, 4).toArray(ValueLayout.JAVA_BYTE);
      boolean match = IpAddress.fromBytes(src).equals(target) && buf.get(ValueLayout.JAVA_BYTE, ihl) == 0
          && Short.toUnsignedInt(buf.get(NET_SHORT, ihl + 4)) == (id & 0xffff)
          && Short.toUnsignedInt(buf.get(NET_SHORT, ihl + 6)) == seq;
      if (match) {
        return true;
      }
    }
    return false;
  }

  private static int invokeInt(MethodHandle h, Object... args) {
    try {
      return (int) h.invokeWithArguments(args);
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  private static long invokeLong(MethodHandle h, Object... args) {
    try {
      return (long) h.invokeWithArguments(args);
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }
}
