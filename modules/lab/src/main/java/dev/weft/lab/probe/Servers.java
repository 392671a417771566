package dev.weft.lab.probe;

import dev.weft.linux.netns.NamespaceThreads;
import dev.weft.linux.netns.NetnsName;
import dev.weft.linux.netns.NetnsRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.spi.AbstractSelectableChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The tiny servers a probe starts in each destination stack: a TCP listener on every address (the kernel
 * completes the handshake; the server accepts and closes) and a UDP echo server bound to each address the
 * probes target, so that its answer leaves from the address the request went to (a wildcard-bound UDP
 * socket would answer from whatever address routing picks, which a connected client ignores). One
 * selector thread serves them all.
 */
final class Servers implements AutoCloseable {
  private final Selector selector;
  private final List<AbstractSelectableChannel> channels = new ArrayList<>();
  private final Thread loop;
  private volatile boolean running = true;

  /** {@code targets} maps each stack to the addresses probes will send to. */
  Servers(NamespaceThreads threads, Map<NetnsName, List<InetAddress>> targets, int tcpPort, int udpPort) {
    try {
      this.selector = Selector.open();
      for (Map.Entry<NetnsName, List<InetAddress>> e : targets.entrySet()) {
        threads.run(NetnsRef.named(e.getKey()), () -> open(e.getValue(), tcpPort, udpPort));
      }
    } catch (IOException e) {
      close();
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    this.loop = Thread.ofPlatform().daemon().name("weft-probe-servers").start(this::serve);
  }

  /** Runs on a namespace thread: the channels belong to that namespace. */
  private void open(List<InetAddress> addresses, int tcpPort, int udpPort) {
    try {
      ServerSocketChannel tcp = ServerSocketChannel.open(StandardProtocolFamily.INET6);
      tcp.setOption(StandardSocketOptions.SO_REUSEADDR, true);
      tcp.bind(new InetSocketAddress(tcpPort), 1024);
      register(tcp, SelectionKey.OP_ACCEPT);
      for (InetAddress a : addresses) {
        DatagramChannel udp = DatagramChannel.open(a instanceof java.net.Inet4Address
            ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6);
        udp.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        udp.bind(new InetSocketAddress(a, udpPort));
        register(udp, SelectionKey.OP_READ);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start probe servers: " + e.getMessage(), e);
    }
  }

  private void register(AbstractSelectableChannel channel, int ops) throws IOException {
    synchronized (channels) {
      channels.add(channel);
    }
    channel.configureBlocking(false);
    channel.register(selector, ops);
  }

  private void serve() {
    ByteBuffer buffer = ByteBuffer.allocate(2048);
    while (running) {
      try {
        selector.select(50);
        for (SelectionKey k : selector.selectedKeys()) {
          if (k.isAcceptable()) {
            SocketChannel c = ((ServerSocketChannel) k.channel()).accept();
            if (c != null) {
              c.close();
            }
          } else if (k.isReadable()) {
            DatagramChannel udp = (DatagramChannel) k.channel();
            buffer.clear();
            SocketAddress from = udp.receive(buffer);
            if (from != null) {
              buffer.flip();
              udp.send(buffer, from);
            }
          }
        }
        selector.selectedKeys().clear();
      } catch (IOException e) {
        // A send that failed (no route back, for instance) is the client's timeout, not the server's end.
      }
    }
  }

  @Override
  public void close() {
    running = false;
    if (loop != null) {
      try {
        loop.join(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (channels) {
      for (AbstractSelectableChannel c : channels) {
        try {
          c.close();
        } catch (IOException ignored) {
          // closing anyway
        }
      }
      channels.clear();
    }
    if (selector != null) {
      try {
        selector.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }
}
