package dev.weft.linux.link;

import dev.weft.linux.netns.NamespaceThreads;
import dev.weft.linux.netns.NetnsRef;
import dev.weft.linux.sys.Libc;
import dev.weft.linux.sys.Linux;
import dev.weft.model.value.InterfaceName;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/**
 * Persistent taps. The kernel's tun driver refuses RTM_NEWLINK ("tun/tap creation via rtnetlink is
 * not supported"), so a tap is made as {@code ip tuntap add} does: open /dev/net/tun, TUNSETIFF with
 * IFF_TAP | IFF_NO_PI, TUNSETPERSIST 1, close. The device lands in the namespace of the thread that
 * opened /dev/net/tun, hence the namespace thread. It is deleted like any link (RTM_DELLINK).
 */
final class TapDevices {
  private static final String TUN = "/dev/net/tun";

  private TapDevices() {}

  static void create(NamespaceThreads threads, NetnsRef ns, InterfaceName name) {
    String operation = "create link " + name + " (tap) in " + ns.describe();
    threads.run(ns, () -> {
      try (Arena arena = Arena.ofConfined()) {
        MemorySegment errno = Libc.errnoSlot(arena);
        int fd = Libc.open(errno, TUN, Linux.O_RDWR | Linux.O_CLOEXEC, 0, arena, operation + ": open " + TUN);
        try {
          MemorySegment ifreq = arena.allocate(Linux.IFREQ_SIZE, 8);
          byte[] raw = name.value().getBytes(StandardCharsets.UTF_8);
          MemorySegment.copy(raw, 0, ifreq, ValueLayout.JAVA_BYTE, 0, raw.length);
          ifreq.set(ValueLayout.JAVA_SHORT, Linux.IFNAMSIZ, (short) (Linux.IFF_TAP | Linux.IFF_NO_PI));
          Libc.ioctl(errno, fd, Linux.TUNSETIFF, ifreq, operation + ": TUNSETIFF");
          Libc.ioctl(errno, fd, Linux.TUNSETPERSIST, MemorySegment.ofAddress(1), operation + ": TUNSETPERSIST");
        } finally {
          Libc.close(errno, fd);
        }
      }
    });
  }
}
