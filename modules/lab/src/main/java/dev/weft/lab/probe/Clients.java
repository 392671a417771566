package dev.weft.lab.probe;

import dev.weft.linux.netns.NamespaceThreads;
import dev.weft.linux.netns.NetnsName;
import dev.weft.linux.netns.NetnsRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The client side of a probe. Each socket is created (and bound to the probe's id as its port or echo
 * identifier) on a namespace thread inside the source stack, then used from the calling thread: a socket
 * stays in the namespace it was created in.
 */
final class Clients {
  private final NamespaceThreads threads;

  Clients(NamespaceThreads threads) {
    this.threads = threads;
  }

  Attempt tcp(NetnsName from, InetAddress to, int port, int id, int timeoutMillis) {
    SocketChannel c = bound(from, to, id, SocketChannel::open);
    try (c) {
      c.socket().connect(new InetSocketAddress(to, port), timeoutMillis);
      return new Attempt(true, local(c.getLocalAddress()), Optional.empty(), true);
    } catch (SocketTimeoutException e) {
      return new Attempt(false, Optional.empty(), Optional.of("timed out after " + timeoutMillis + " ms"), true);
    } catch (NoRouteToHostException | ConnectException e) {
      String m = String.valueOf(e.getMessage());
      boolean sent = !m.contains("Network is unreachable");
      return new Attempt(false, Optional.empty(), Optional.of(m), sent);
    } catch (IOException e) {
      return new Attempt(false, Optional.empty(), Optional.of(e.toString()), true);
    }
  }

  Attempt udp(NetnsName from, InetAddress to, int port, int id, int timeoutMillis) {
    DatagramChannel c = bound(from, to, id, DatagramChannel::open);
    try (c) {
      try {
        c.connect(new InetSocketAddress(to, port));
      } catch (IOException e) {
        return Attempt.notSent(String.valueOf(e.getMessage()));
      }
      Optional<InetAddress> local = local(c.getLocalAddress());
      c.write(ByteBuffer.wrap(("weft probe " + id).getBytes(StandardCharsets.US_ASCII)));
      c.socket().setSoTimeout(timeoutMillis);
      java.net.DatagramPacket reply = new java.net.DatagramPacket(new byte[64], 64);
      c.socket().receive(reply);
      return new Attempt(true, local, Optional.empty(), true);
    } catch (SocketTimeoutException e) {
      return new Attempt(false, localOf(c), Optional.of("no echo within " + timeoutMillis + " ms"), true);
    } catch (PortUnreachableException e) {
      return new Attempt(false, localOf(c), Optional.of("ICMP port unreachable"), true);
    } catch (IOException e) {
      return new Attempt(false, localOf(c), Optional.of(String.valueOf(e.getMessage())), true);
    }
  }

  Attempt icmp(NetnsName from, InetAddress to, int id, int timeoutMillis) {
    boolean v4 = to instanceof Inet4Address;
    int fd = threads.call(NetnsRef.named(from), () -> Sockets.socket(v4 ? Sockets.AF_INET : Sockets.AF_INET6,
        Sockets.SOCK_DGRAM | Sockets.SOCK_NONBLOCK, v4 ? Sockets.IPPROTO_ICMP : Sockets.IPPROTO_ICMPV6));
    try {
      Sockets.bind(fd, new InetSocketAddress(wildcard(to), id));
      try {
        Sockets.connect(fd, new InetSocketAddress(to, 0));
      } catch (SocketError e) {
        return Attempt.notSent(e.getMessage());
      }
      Optional<InetAddress> local = Optional.of(Sockets.localAddress(fd).getAddress());
      Sockets.send(fd, echo(v4, id));
      long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
      while (true) {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
          return new Attempt(false, local, Optional.of("no echo reply within " + timeoutMillis + " ms"), true);
        }
        if (Sockets.poll(new int[] {fd}, (int) left)[0]) {
          try {
            if (Sockets.recv(fd, 256).isPresent()) {
              return new Attempt(true, local, Optional.empty(), true);
            }
          } catch (SocketError e) {
            return new Attempt(false, local, Optional.of(e.getMessage()), true);
          }
        }
      }
    } catch (SocketError e) {
      return new Attempt(false, Optional.empty(), Optional.of(e.getMessage()), true);
    } finally {
      Sockets.close(fd);
    }
  }

  /** How a channel of one protocol family is opened. */
  @FunctionalInterface
  private interface Opener<C extends NetworkChannel> {
    C open(StandardProtocolFamily family) throws IOException;
  }

  /** A channel opened in {@code from}'s stack and bound to the probe's id as its local port. */
  private <C extends NetworkChannel> C bound(NetnsName from, InetAddress to, int id, Opener<C> opener) {
    return threads.call(NetnsRef.named(from), () -> {
      try {
        C c = opener.open(family(to));
        try {
          c.setOption(StandardSocketOptions.SO_REUSEADDR, true);
          c.bind(new InetSocketAddress(wildcard(to), id));
          return c;
        } catch (IOException e) {
          c.close();
          throw e;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** An echo request; a ping socket fills in the identifier (its bound port) and the checksum. */
  private static byte[] echo(boolean v4, int id) {
    byte[] payload = ("weft probe " + id).getBytes(StandardCharsets.US_ASCII);
    byte[] b = new byte[8 + payload.length];
    b[0] = (byte) (v4 ? 8 : 128);
    b[7] = 1;
    System.arraycopy(payload, 0, b, 8, payload.length);
    return b;
  }

  private static StandardProtocolFamily family(InetAddress a) {
    return a instanceof Inet4Address ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6;
  }

  private static InetAddress wildcard(InetAddress like) {
    try {
      return InetAddress.getByAddress(new byte[like instanceof Inet4Address ? 4 : 16]);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Optional<InetAddress> local(java.net.SocketAddress a) {
    return a instanceof InetSocketAddress s && !s.getAddress().isAnyLocalAddress() ? Optional.of(s.getAddress()) : Optional.empty();
  }

  private static Optional<InetAddress> localOf(DatagramChannel c) {
    try {
      return local(c.getLocalAddress());
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
