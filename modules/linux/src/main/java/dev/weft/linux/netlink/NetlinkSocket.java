package dev.weft.linux.netlink;

import dev.weft.linux.error.Errno;
import dev.weft.linux.error.SystemCallException;
import dev.weft.linux.sys.Libc;
import dev.weft.linux.sys.Linux;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A NETLINK_ROUTE socket. It belongs to the network namespace of the thread that opened it, for its
 * whole life, and can then be used from any thread (calls are serialised on the socket).
 *
 * <p>Design note: every request carries NLM_F_ACK, so every exchange ends in exactly one NLMSG_ERROR
 * (an ACK when its error is 0) or, for dumps, one NLMSG_DONE; replies for other sequence numbers
 * (left over from an exchange interrupted by an exception) are skipped. Extended ACK is on, so kernel
 * explanations ("Unknown device type") reach the exception; NETLINK_CAP_ACK keeps error replies small.
 * A dump the kernel marks NLM_F_DUMP_INTR (the table changed mid-dump) is retried.
 */
public final class NetlinkSocket implements AutoCloseable {
  private static final int RECEIVE_BUFFER = 256 * 1024;
  private static final int DUMP_ATTEMPTS = 5;

  private final Arena arena = Arena.ofShared();
  private final MemorySegment errno = Libc.errnoSlot(arena);
  private final MemorySegment kernel;
  private final MemorySegment receive;
  private MemorySegment send;
  private final int fd;
  private final int portId;
  private int seq;
  private boolean closed;

  private NetlinkSocket() {
    fd = Libc.socket(errno, Linux.AF_NETLINK, Linux.SOCK_RAW | Linux.SOCK_CLOEXEC, Linux.NETLINK_ROUTE);
    try {
      Libc.setsockoptInt(errno, fd, Linux.SOL_NETLINK, Linux.NETLINK_EXT_ACK, 1, arena);
      Libc.setsockoptInt(errno, fd, Linux.SOL_NETLINK, Linux.NETLINK_CAP_ACK, 1, arena);
      Libc.setsockoptInt(errno, fd, Linux.SOL_SOCKET, Linux.SO_RCVBUF, 1 << 20, arena);
      kernel = sockaddrNl(arena, 0);
      Libc.bind(errno, fd, sockaddrNl(arena, 0), "bind(netlink)");
      MemorySegment local = arena.allocate(12);
      Libc.getsockname(errno, fd, local, arena.allocate(ValueLayout.JAVA_INT));
      portId = local.get(ValueLayout.JAVA_INT, 4);
      receive = arena.allocate(RECEIVE_BUFFER, 8);
      send = arena.allocate(4096, 8);
      seq = (int) (System.nanoTime() & 0x3fffffff);
    } catch (RuntimeException e) {
      Libc.close(errno, fd);
      arena.close();
      throw e;
    }
  }

  /** Opens a socket in the calling thread's current network namespace. */
  public static NetlinkSocket open() {
    return new NetlinkSocket();
  }

  private static MemorySegment sockaddrNl(Arena arena, int pid) {
    MemorySegment sa = arena.allocate(12, 4);
    sa.set(ValueLayout.JAVA_SHORT, 0, (short) Linux.AF_NETLINK);
    sa.set(ValueLayout.JAVA_INT, 4, pid);
    return sa;
  }

  /** The port id the kernel assigned. */
  public int portId() {
    return portId;
  }

  /** Sends a request and returns its reply messages (none for a plain ACK); errors are thrown. */
  public synchronized List<NetlinkMessage> execute(MessageWriter request, ErrorMapper errors) {
    return exchange(request, errors).messages();
  }

  /** Sends an NLM_F_DUMP request and returns every part, retrying a dump the kernel interrupted. */
  public synchronized List<NetlinkMessage> dump(MessageWriter request, ErrorMapper errors) {
    for (int attempt = 1; ; attempt++) {
      Exchange result = exchange(request, errors);
      if (!result.interrupted() || attempt == DUMP_ATTEMPTS) {
        return result.messages();
      }
    }
  }

  private record Exchange(List<NetlinkMessage> messages, boolean interrupted) {}

  private Exchange exchange(MessageWriter request, ErrorMapper errors) {
    if (closed) {
      throw new IllegalStateException("netlink socket is closed");
    }
    int mySeq = ++seq;
    ByteBuffer out = request.finish(mySeq, portId);
    int length = out.remaining();
    if (send.byteSize() < length) {
      send = arena.allocate(Math.max(length, send.byteSize() * 2), 8);
    }
    MemorySegment.copy(MemorySegment.ofBuffer(out), 0, send, 0, length);
    Libc.sendto(errno, fd, send, length, 0, kernel);
    List<NetlinkMessage> replies = new ArrayList<>();
    boolean[] interrupted = {false};
    while (true) {
      long n = receiveRetrying();
      if (n > RECEIVE_BUFFER) {
        throw new SystemCallException("netlink receive", Errno.EMSGSIZE.number(),
            Optional.of("a reply of " + n + " bytes exceeded the " + RECEIVE_BUFFER + "-byte buffer"));
      }
      ByteBuffer datagram = receive.asSlice(0, n).asByteBuffer().order(ByteOrder.nativeOrder());
      List<NetlinkMessage> batch = new ArrayList<>();
      NetlinkMessage.split(datagram, batch::add);
      for (NetlinkMessage m : batch) {
        if (m.seq() != mySeq || (m.portId() != portId && m.portId() != 0)) {
          continue;
        }
        interrupted[0] |= (m.flags() & Rtnl.NLM_F_DUMP_INTR) != 0;
        switch (m.type()) {
          case Rtnl.NLMSG_ERROR, Rtnl.NLMSG_DONE -> {
            int error = m.body().remaining() >= 4 ? m.s32(0) : 0;
            if (error < 0) {
              throw errors.map(-error, extackMessage(m));
            }
            return new Exchange(replies, interrupted[0]);
          }
          case Rtnl.NLMSG_NOOP -> { }
          default -> replies.add(m);
        }
      }
    }
  }

  private long receiveRetrying() {
    while (true) {
      try {
        return Libc.recv(errno, fd, receive, receive.byteSize(), Linux.MSG_TRUNC);
      } catch (SystemCallException e) {
        if (e.errno().orElse(0) != Errno.EINTR.number()) {
          throw e;
        }
      }
    }
  }

  /** NLMSGERR_ATTR_MSG from an NLMSG_ERROR or NLMSG_DONE carrying extended-ack TLVs. */
  static Optional<String> extackMessage(NetlinkMessage m) {
    if ((m.flags() & Rtnl.NLM_F_ACK_TLVS) == 0) {
      return Optional.empty();
    }
    ByteBuffer body = m.body();
    int tlvStart;
    if (m.type() == Rtnl.NLMSG_DONE) {
      tlvStart = 4;
    } else {
      boolean capped = (m.flags() & Rtnl.NLM_F_CAPPED) != 0;
      int originalLength = body.remaining() >= 8 ? body.getInt(4) : Rtnl.NLMSG_HDRLEN;
      tlvStart = 4 + (capped ? Rtnl.NLMSG_HDRLEN : MessageWriter.align(originalLength));
    }
    if (tlvStart >= body.limit()) {
      return Optional.empty();
    }
    return Attributes.parse(body, tlvStart, body.limit()).string(Rtnl.NLMSGERR_ATTR_MSG)
        .filter(s -> !s.isBlank());
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      Libc.close(errno, fd);
      arena.close();
    }
  }
}
