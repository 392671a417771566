package dev.weft.dataplane.tap;

import dev.weft.linux.netns.NamespaceThreads;
import dev.weft.linux.sys.Libc;
import dev.weft.linux.sys.Linux;
import dev.weft.dataplane.offload.TunnelGsoHeader;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.unix.FileDescriptor;
import io.netty.channel.unix.IovArray;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/**
 * An open, non-persistent TAP device: the kernel removes it when the descriptor closes, so a crashed
 * dataplane leaves nothing behind. Opened as {@code ip tuntap} does (open /dev/net/tun, TUNSETIFF with
 * IFF_TAP | IFF_NO_PI) but non-blocking, and on a namespace thread, because the device lands in the
 * namespace of the thread that opened /dev/net/tun. With offloads, IFF_VNET_HDR and TUNSETOFFLOAD let
 * the kernel pass TCP segments of up to 64 KiB with a 10-byte virtio-net header in front.
 */
public final class TapDevice implements AutoCloseable {
  /** sizeof(struct virtio_net_hdr): the header without num_buffers. */
  public static final int VNET_HEADER = 10;

  private final TapSpec spec;
  private final FileDescriptor fd;
  /** The header and frame of a vectored write; made on first use, as it needs Netty's native library. */
  private IovArray iov;

  private TapDevice(TapSpec spec, FileDescriptor fd) {
    this.spec = spec;
    this.fd = fd;
  }

  /** Opens the device inside its namespace; failures are typed {@code DriverException}s naming the tap. */
  public static TapDevice open(NamespaceThreads threads, TapSpec spec) {
    return open(threads, spec, spec.offloads() ? VNET_HEADER : 0, Tun.TUN_F_CSUM | Tun.TUN_F_TSO4 | Tun.TUN_F_TSO6);
  }

  /**
   * Opens a TAP that takes TCP segmentation batches inside a UDP tunnel (virtio-net GSO over UDP tunnel,
   * {@link TunnelGsoHeader}'s headers) for the kernel to forward as one packet; a kernel without
   * that offload (before 6.17) refuses it with a {@code DriverException} (EINVAL from TUNSETOFFLOAD).
   */
  public static TapDevice openForTunnelSegmentation(NamespaceThreads threads, TapSpec spec) {
    return open(threads, spec, TunnelGsoHeader.VNET, Tun.TUN_F_CSUM | Tun.TUN_F_TSO4 | Tun.TUN_F_TSO6 | Tun.TUN_F_UDP_TUNNEL_GSO);
  }

  private static TapDevice open(NamespaceThreads threads, TapSpec spec, int vnetHeader, int offloads) {
    String operation = "open tap " + spec.name() + " in " + spec.namespace().describe();
    int raw = threads.call(spec.namespace(), () -> {
      try (Arena arena = Arena.ofConfined()) {
        MemorySegment errno = Libc.errnoSlot(arena);
        int fd = Libc.open(errno, Tun.DEVICE, Linux.O_RDWR | Linux.O_CLOEXEC | Tun.O_NONBLOCK, 0, arena,
            operation + ": open " + Tun.DEVICE);
        try {
          configure(errno, fd, spec, vnetHeader, offloads, arena, operation);
          return fd;
        } catch (RuntimeException e) {
          Libc.close(errno, fd);
          throw e;
        }
      }
    });
    return new TapDevice(spec, new FileDescriptor(raw));
  }

  /** {@code vnetHeader} 0: no virtio-net header, and no offloads. */
  private static void configure(MemorySegment errno, int fd, TapSpec spec, int vnetHeader, int offloads, Arena arena,
      String operation) {
    MemorySegment ifreq = arena.allocate(Linux.IFREQ_SIZE, 8);
    byte[] name = spec.name().value().getBytes(StandardCharsets.UTF_8);
    MemorySegment.copy(name, 0, ifreq, ValueLayout.JAVA_BYTE, 0, name.length);
    short flags = (short) (Linux.IFF_TAP | Linux.IFF_NO_PI | (vnetHeader > 0 ? Tun.IFF_VNET_HDR : 0));
    ifreq.set(ValueLayout.JAVA_SHORT, Linux.IFNAMSIZ, flags);
    Libc.ioctl(errno, fd, Linux.TUNSETIFF, ifreq, operation + ": TUNSETIFF");
    if (vnetHeader > 0) {
      MemorySegment size = arena.allocateFrom(ValueLayout.JAVA_INT, vnetHeader);
      Libc.ioctl(errno, fd, Tun.TUNSETVNETHDRSZ, size, operation + ": TUNSETVNETHDRSZ");
      // the value is passed by value, not by pointer
      Libc.ioctl(errno, fd, Tun.TUNSETOFFLOAD, MemorySegment.ofAddress(offloads), operation + ": TUNSETOFFLOAD");
    }
  }

  public TapSpec spec() {
    return spec;
  }

  /** The descriptor, for the event loop's registration and for reads and writes. */
  public FileDescriptor fd() {
    return fd;
  }

  /**
   * Writes {@code header} (possibly empty) and then {@code frame} in one write, copying a frame that is not
   * in direct memory first; neither is released. Returns the bytes written, 0 or less when the kernel took
   * nothing. On the one thread that drives the device.
   */
  public long write(ByteBuf header, ByteBuf frame, ByteBufAllocator alloc) throws IOException {
    ByteBuf direct = frame.hasMemoryAddress() ? frame
        : alloc.directBuffer(frame.readableBytes()).writeBytes(frame, frame.readerIndex(), frame.readableBytes());
    try {
      if (!header.isReadable()) {
        return fd.writeAddress(direct.memoryAddress(), direct.readerIndex(), direct.writerIndex());
      }
      if (iov == null) {
        iov = new IovArray();
      }
      iov.clear();
      iov.add(header, header.readerIndex(), header.readableBytes());
      iov.add(direct, direct.readerIndex(), direct.readableBytes());
      return fd.writevAddresses(iov.memoryAddress(0), iov.count());
    } finally {
      if (direct != frame) {
        direct.release();
      }
    }
  }

  @Override
  public void close() {
    if (iov != null) { // closed twice: by its port, and by the pod's release
      iov.release();
      iov = null;
    }
    try {
      fd.close();
    } catch (IOException e) {
      // closing a tap cannot fail in a way the caller could act on; the kernel frees it regardless
    }
  }
}
