package dev.weft.dataplane.underlay;

import dev.weft.linux.netns.NamespaceThreads;
import dev.weft.linux.netns.NetnsRef;
import dev.weft.linux.sys.Libc;
import dev.weft.linux.sys.Linux;
import dev.weft.model.value.IpAddress;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * Opens bound UDP sockets inside a namespace. A socket belongs to the namespace it was created in, so
 * the socket is made and bound on a namespace thread (which enters the namespace for this one task and
 * returns); the descriptor then works from any thread, and Netty takes it over.
 */
public final class UdpSockets {
  private static final int SOCK_DGRAM = 2;
  private static final int SOCK_NONBLOCK = 04000;
  private static final int SO_REUSEADDR = 2;
  private static final int SO_NO_CHECK = 11;
  private static final ValueLayout.OfShort NET_SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

  private UdpSockets() {}

  /**
   * A non-blocking UDP socket in {@code ns}, bound to {@code address}:{@code port}; the caller owns the fd.
   * Over IPv4 its datagrams carry a zero UDP checksum unless {@code checksums}: UDP segmentation offload
   * needs them (the kernel refuses it on a socket with SO_NO_CHECK).
   */
  public static int open(NamespaceThreads threads, NetnsRef ns, IpAddress address, int port, boolean checksums) {
    String operation = "open UDP socket " + address + ":" + port + " in " + ns.describe();
    return threads.call(ns, () -> {
      try (Arena arena = Arena.ofConfined()) {
        MemorySegment errno = Libc.errnoSlot(arena);
        int family = address.isIpv4() ? Linux.AF_INET : Linux.AF_INET6;
        int fd = Libc.socket(errno, family, SOCK_DGRAM | SOCK_NONBLOCK | Linux.SOCK_CLOEXEC, 0);
        try {
          Libc.setsockoptInt(errno, fd, Linux.SOL_SOCKET, SO_REUSEADDR, 1, arena);
          if (address.isIpv4() && !checksums) {
            // RFC 7348 (and RFC 8086 for IPv4): the outer UDP checksum SHOULD be sent as zero; the
            // inner frame carries its own checksums, and receivers accept zero over IPv4
            Libc.setsockoptInt(errno, fd, Linux.SOL_SOCKET, SO_NO_CHECK, 1, arena);
          }
          Libc.bind(errno, fd, sockaddr(arena, address, port), operation + ": bind");
          return fd;
        } catch (RuntimeException e) {
          Libc.close(errno, fd);
          throw e;
        }
      }
    });
  }

  /** struct sockaddr_in (16 bytes) or sockaddr_in6 (28 bytes); the family is in host order, the rest in network order. */
  static MemorySegment sockaddr(Arena arena, IpAddress address, int port) {
    byte[] raw = address.toBytes();
    MemorySegment s = arena.allocate(address.isIpv4() ? 16 : 28, 4);
    s.set(ValueLayout.JAVA_SHORT, 0, (short) (address.isIpv4() ? Linux.AF_INET : Linux.AF_INET6));
    s.set(NET_SHORT, 2, (short) port);
    MemorySegment.copy(raw, 0, s, ValueLayout.JAVA_BYTE, address.isIpv4() ? 4 : 8, raw.length);
    return s;
  }
}
