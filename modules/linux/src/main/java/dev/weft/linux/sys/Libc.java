package dev.weft.linux.sys;

import dev.weft.linux.error.DriverErrors;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * Raw libc downcalls. Each wrapper takes a caller-owned segment for the captured errno (so hot paths
 * such as {@code sendto}/{@code recvfrom} allocate nothing) and throws a typed {@link
 * dev.weft.linux.error.DriverException} when the call returns −1.
 *
 * <p>Design note: the handles are immutable static finals, bound once; calling them is thread-safe.
 * The calls that change per-thread kernel state ({@code setns}, {@code unshare}) are reached only
 * through {@code dev.weft.linux.netns}, which enforces the threading rules.
 */
public final class Libc {
  private static final Linker LINKER = Linker.nativeLinker();
  private static final StructLayout CAPTURE_LAYOUT = Linker.Option.captureStateLayout();
  private static final VarHandle ERRNO =
      CAPTURE_LAYOUT.varHandle(PathElement.groupElement("errno"));
  private static final Linker.Option CAPTURE = Linker.Option.captureCallState("errno");

  private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;
  private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG;
  private static final java.lang.foreign.AddressLayout PTR = ValueLayout.ADDRESS;

  private static final MethodHandle SOCKET = bind("socket", FunctionDescriptor.of(INT, INT, INT, INT));
  private static final MethodHandle BIND = bind("bind", FunctionDescriptor.of(INT, INT, PTR, INT));
  private static final MethodHandle GETSOCKNAME = bind("getsockname", FunctionDescriptor.of(INT, INT, PTR, PTR));
  private static final MethodHandle SETSOCKOPT =
      bind("setsockopt", FunctionDescriptor.of(INT, INT, INT, INT, PTR, INT));
  private static final MethodHandle SENDTO =
      bind("sendto", FunctionDescriptor.of(LONG, INT, PTR, LONG, INT, PTR, INT));
  private static final MethodHandle RECVFROM =
      bind("recvfrom", FunctionDescriptor.of(LONG, INT, PTR, LONG, INT, PTR, PTR));
  private static final MethodHandle CLOSE = bind("close", FunctionDescriptor.of(INT, INT));
  private static final MethodHandle SETNS = bind("setns", FunctionDescriptor.of(INT, INT, INT));
  private static final MethodHandle UNSHARE = bind("unshare", FunctionDescriptor.of(INT, INT));
  private static final MethodHandle OPEN =
      bind("open", FunctionDescriptor.of(INT, PTR, INT, INT), Linker.Option.firstVariadicArg(2));
  private static final MethodHandle IOCTL =
      bind("ioctl", FunctionDescriptor.of(INT, INT, LONG, PTR), Linker.Option.firstVariadicArg(2));
  private static final MethodHandle MOUNT =
      bind("mount", FunctionDescriptor.of(INT, PTR, PTR, PTR, LONG, PTR));
  private static final MethodHandle UMOUNT2 = bind("umount2", FunctionDescriptor.of(INT, PTR, INT));
  private static final MethodHandle READ = bind("read", FunctionDescriptor.of(LONG, INT, PTR, LONG));
  private static final MethodHandle WRITE = bind("write", FunctionDescriptor.of(LONG, INT, PTR, LONG));
  private static final MethodHandle GETTID = bind("gettid", FunctionDescriptor.of(INT));

  private Libc() {}

  private static MethodHandle bind(String name, FunctionDescriptor fd, Linker.Option... extra) {
    Linker.Option[] options = new Linker.Option[extra.length + 1];
    options[0] = CAPTURE;
    System.arraycopy(extra, 0, options, 1, extra.length);
    MemorySegment symbol = LINKER.defaultLookup().find(name)
        .orElseThrow(() -> new UnsatisfiedLinkError("libc has no symbol " + name));
    return LINKER.downcallHandle(symbol, fd, options);
  }

  /** A segment to receive errno; allocate once per thread or per socket and reuse it. */
  public static MemorySegment errnoSlot(Arena arena) {
    return arena.allocate(CAPTURE_LAYOUT);
  }

  private static int errno(MemorySegment slot) {
    return (int) ERRNO.get(slot, 0L);
  }

  @FunctionalInterface
  private interface Call {
    long invoke() throws Throwable;
  }

  /** Runs one downcall; a negative result becomes the typed exception for the captured errno. */
  private static long call(MemorySegment slot, String operation, Call call) {
    long result;
    try {
      result = call.invoke();
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException("downcall " + operation + " failed", t);
    }
    if (result < 0) {
      throw DriverErrors.of(errno(slot), operation);
    }
    return result;
  }

  public static int socket(MemorySegment slot, int domain, int type, int protocol) {
    return (int) call(slot, "socket()", () -> (int) SOCKET.invokeExact(slot, domain, type, protocol));
  }

  public static void bind(MemorySegment slot, int fd, MemorySegment address, String operation) {
    call(slot, operation, () -> (int) BIND.invokeExact(slot, fd, address, (int) address.byteSize()));
  }

  /** getsockname into {@code address}; returns the length the kernel wrote. */
  public static int getsockname(MemorySegment slot, int fd, MemorySegment address, MemorySegment lengthInOut) {
    lengthInOut.set(INT, 0, (int) address.byteSize());
    call(slot, "getsockname()", () -> (int) GETSOCKNAME.invokeExact(slot, fd, address, lengthInOut));
    return lengthInOut.get(INT, 0);
  }

  public static void setsockoptInt(MemorySegment slot, int fd, int level, int name, int value, Arena arena) {
    MemorySegment v = arena.allocateFrom(INT, value);
    call(slot, "setsockopt(" + level + ", " + name + ")",
        () -> (int) SETSOCKOPT.invokeExact(slot, fd, level, name, v, 4));
  }

  public static long sendto(MemorySegment slot, int fd, MemorySegment buf, long len, int flags, MemorySegment to) {
    return call(slot, "sendto()",
        () -> (long) SENDTO.invokeExact(slot, fd, buf, len, flags, to, (int) to.byteSize()));
  }

  /** recvfrom with no source address; returns the byte count (which exceeds len under MSG_TRUNC). */
  public static long recv(MemorySegment slot, int fd, MemorySegment buf, long len, int flags) {
    return call(slot, "recvfrom()",
        () -> (long) RECVFROM.invokeExact(slot, fd, buf, len, flags, MemorySegment.NULL, MemorySegment.NULL));
  }

  /** close(2); returns the errno rather than throwing, because a failed close is not actionable. */
  public static int close(MemorySegment slot, int fd) {
    try {
      call(slot, "close()", () -> (int) CLOSE.invokeExact(slot, fd));
      return 0;
    } catch (dev.weft.linux.error.DriverException e) {
      return e.errno().orElse(-1);
    }
  }

  public static void setns(MemorySegment slot, int fd, int nstype, String operation) {
    call(slot, operation, () -> (int) SETNS.invokeExact(slot, fd, nstype));
  }

  public static void unshare(MemorySegment slot, int flags, String operation) {
    call(slot, operation, () -> (int) UNSHARE.invokeExact(slot, flags));
  }

  public static int open(MemorySegment slot, String path, int flags, int mode, Arena arena, String operation) {
    MemorySegment cPath = arena.allocateFrom(path);
    return (int) call(slot, operation, () -> (int) OPEN.invokeExact(slot, cPath, flags, mode));
  }

  public static int ioctl(MemorySegment slot, int fd, long request, MemorySegment arg, String operation) {
    return (int) call(slot, operation, () -> (int) IOCTL.invokeExact(slot, fd, request, arg));
  }

  /** mount(2); {@code source}/{@code fstype} may be empty strings, as iproute2 passes them. */
  public static void mount(MemorySegment slot, String source, String target, String fstype, long flags,
      Arena arena, String operation) {
    MemorySegment src = arena.allocateFrom(source);
    MemorySegment dst = arena.allocateFrom(target);
    MemorySegment type = arena.allocateFrom(fstype);
    call(slot, operation, () -> (int) MOUNT.invokeExact(slot, src, dst, type, flags, MemorySegment.NULL));
  }

  public static void umount2(MemorySegment slot, String target, int flags, Arena arena, String operation) {
    MemorySegment dst = arena.allocateFrom(target);
    call(slot, operation, () -> (int) UMOUNT2.invokeExact(slot, dst, flags));
  }

  public static long read(MemorySegment slot, int fd, MemorySegment buf, long len, String operation) {
    return call(slot, operation, () -> (long) READ.invokeExact(slot, fd, buf, len));
  }

  public static long write(MemorySegment slot, int fd, MemorySegment buf, long len, String operation) {
    return call(slot, operation, () -> (long) WRITE.invokeExact(slot, fd, buf, len));
  }

  /** The calling OS thread's id (what {@code /proc/self/task/TID} names). */
  public static int gettid(MemorySegment slot) {
    return (int) call(slot, "gettid()", () -> (int) GETTID.invokeExact(slot));
  }
}
