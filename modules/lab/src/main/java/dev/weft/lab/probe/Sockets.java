package dev.weft.lab.probe;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteOrder;

/**
 * The socket calls Java has no API for (ICMP ping sockets, raw sockets, poll), as FFM downcalls with errno
 * captured. A failed call throws {@link SocketError}; {@link #recv} returns -1 on EAGAIN instead. Sockets
 * belong to the namespace of the thread that creates them, so create them on a namespace thread; every
 * other call works from any thread.
 */
final class Sockets {
  static final int AF_INET = 2;
  static final int AF_INET6 = 10;
  static final int SOCK_DGRAM = 2;
  static final int SOCK_RAW = 3;
  static final int SOCK_NONBLOCK = 0x800;
  static final int SOCK_CLOEXEC = 0x80000;
  static final int IPPROTO_ICMP = 1;
  static final int IPPROTO_TCP = 6;
  static final int IPPROTO_UDP = 17;
  static final int IPPROTO_ICMPV6 = 58;
  static final int MSG_DONTWAIT = 0x40;
  static final short POLLIN = 1;
  static final int EAGAIN = 11;
  static final int EINTR = 4;

  private static final Linker LINKER = Linker.nativeLinker();
  private static final StructLayout CAPTURE_LAYOUT = Linker.Option.captureStateLayout();
  private static final VarHandle ERRNO = CAPTURE_LAYOUT.varHandle(PathElement.groupElement("errno"));
  private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;
  private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG;
  private static final ValueLayout PTR = ValueLayout.ADDRESS;
  private static final ValueLayout.OfShort SHORT_BE = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

  private static final MethodHandle SOCKET = handle("socket", FunctionDescriptor.of(INT, INT, INT, INT));
  private static final MethodHandle BIND = handle("bind", FunctionDescriptor.of(INT, INT, PTR, INT));
  private static final MethodHandle CONNECT = handle("connect", FunctionDescriptor.of(INT, INT, PTR, INT));
  private static final MethodHandle GETSOCKNAME = handle("getsockname", FunctionDescriptor.of(INT, INT, PTR, PTR));
  private static final MethodHandle SEND = handle("send", FunctionDescriptor.of(LONG, INT, PTR, LONG, INT));
  private static final MethodHandle RECVFROM = handle("recvfrom", FunctionDescriptor.of(LONG, INT, PTR, LONG, INT, PTR, PTR));
  private static final MethodHandle POLL = handle("poll", FunctionDescriptor.of(INT, PTR, LONG, INT));
  private static final MethodHandle CLOSE = handle("close", FunctionDescriptor.of(INT, INT));

  private Sockets() {}

  private static MethodHandle handle(String name, FunctionDescriptor fd) {
    MemorySegment symbol = LINKER.defaultLookup().find(name).orElseThrow(() -> new UnsatisfiedLinkError(name));
    return LINKER.downcallHandle(symbol, fd, Linker.Option.captureCallState("errno"));
  }

  @FunctionalInterface
  private interface Call {
    long invoke(MemorySegment errno) throws Throwable;
  }

  /** Runs a downcall; returns its result, or -errno when it failed. */
  private static long raw(Call call) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment errno = arena.allocate(CAPTURE_LAYOUT);
      long r = call.invoke(errno);
      return r < 0 ? -(int) ERRNO.get(errno, 0L) : r;
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  private static long checked(String operation, Call call) {
    long r = raw(call);
    if (r < 0) {
      throw new SocketError(operation, (int) -r);
    }
    return r;
  }

  static int socket(int domain, int type, int protocol) {
    return (int) checked("socket", e -> (int) SOCKET.invokeExact(e, domain, type | SOCK_CLOEXEC, protocol));
  }

  static void bind(int fd, InetSocketAddress address) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment sa = sockaddr(arena, address);
      checked("bind " + address, e -> (int) BIND.invokeExact(e, fd, sa, (int) sa.byteSize()));
    }
  }

  static void connect(int fd, InetSocketAddress address) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment sa = sockaddr(arena, address);
      checked("connect " + address, e -> (int) CONNECT.invokeExact(e, fd, sa, (int) sa.byteSize()));
    }
  }

  static InetSocketAddress localAddress(int fd) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment sa = arena.allocate(28);
      MemorySegment len = arena.allocate(INT);
      len.set(INT, 0, 28);
      checked("getsockname", e -> (int) GETSOCKNAME.invokeExact(e, fd, sa, len));
      return decode(sa);
    }
  }

  static void send(int fd, byte[] data) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment buf = arena.allocateFrom(ValueLayout.JAVA_BYTE, data);
      checked("send", e -> (long) SEND.invokeExact(e, fd, buf, (long) data.length, 0));
    }
  }

  /** A datagram and where it came from. */
  record Received(byte[] data, InetAddress source) {}

  /** Receives one datagram without blocking; empty (null-free) when none is queued. */
  static java.util.Optional<Received> recv(int fd, int capacity) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment buf = arena.allocate(capacity);
      MemorySegment sa = arena.allocate(28);
      MemorySegment len = arena.allocate(INT);
      len.set(INT, 0, 28);
      long n = raw(e -> (long) RECVFROM.invokeExact(e, fd, buf, (long) capacity, MSG_DONTWAIT, sa, len));
      if (n == -EAGAIN || n == -EINTR) {
        return java.util.Optional.empty();
      }
      if (n < 0) {
        throw new SocketError("recv", (int) -n);
      }
      return java.util.Optional.of(new Received(buf.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE), decode(sa).getAddress()));
    }
  }

  /** Waits up to {@code millis} for any of {@code fds} to be readable; returns which are. */
  static boolean[] poll(int[] fds, int millis) {
    boolean[] ready = new boolean[fds.length];
    if (fds.length == 0) {
      return ready;
    }
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment set = arena.allocate(8L * fds.length);
      for (int i = 0; i < fds.length; i++) {
        set.set(INT, 8L * i, fds[i]);
        set.set(ValueLayout.JAVA_SHORT, 8L * i + 4, POLLIN);
        set.set(ValueLayout.JAVA_SHORT, 8L * i + 6, (short) 0);
      }
      long n = raw(e -> (int) POLL.invokeExact(e, set, (long) fds.length, millis));
      if (n < 0 && n != -EINTR) {
        throw new SocketError("poll", (int) -n);
      }
      for (int i = 0; i < fds.length; i++) {
        ready[i] = set.get(ValueLayout.JAVA_SHORT, 8L * i + 6) != 0;
      }
      return ready;
    }
  }

  static void close(int fd) {
    raw(e -> (int) CLOSE.invokeExact(e, fd));
  }

  private static MemorySegment sockaddr(Arena arena, InetSocketAddress address) {
    byte[] ip = address.getAddress().getAddress();
    boolean v4 = address.getAddress() instanceof Inet4Address;
    MemorySegment sa = arena.allocate(v4 ? 16 : 28);
    sa.set(ValueLayout.JAVA_SHORT, 0, (short) (v4 ? AF_INET : AF_INET6));
    sa.set(SHORT_BE, 2, (short) address.getPort());
    MemorySegment.copy(ip, 0, sa, ValueLayout.JAVA_BYTE, v4 ? 4 : 8, ip.length);
    return sa;
  }

  private static InetSocketAddress decode(MemorySegment sa) {
    int family = sa.get(ValueLayout.JAVA_SHORT, 0);
    int port = Short.toUnsignedInt(sa.get(SHORT_BE, 2));
    byte[] ip = family == AF_INET ? sa.asSlice(4, 4).toArray(ValueLayout.JAVA_BYTE)
        : sa.asSlice(8, 16).toArray(ValueLayout.JAVA_BYTE);
    try {
      return new InetSocketAddress(InetAddress.getByAddress(ip), port);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
