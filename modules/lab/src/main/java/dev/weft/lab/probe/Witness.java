package dev.weft.lab.probe;

import dev.weft.linux.netns.NamespaceThreads;
import dev.weft.linux.netns.NetnsName;
import dev.weft.linux.netns.NetnsRef;
import dev.weft.sim.Protocol;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sees which probes reach each destination stack, independently of whether an answer makes it back.
 *
 * <p>Design note. In each stack weft opens raw sockets for TCP, UDP and ICMP (and their IPv6
 * counterparts). The kernel hands a raw socket a copy of every packet of its protocol that is delivered
 * locally, after the INPUT hook, so a copy means exactly what the simulator calls DELIVERED: the packet
 * reached the destination's stack, past its rules. Forwarded packets are never copied. A probe is
 * recognised by its id: a TCP SYN or UDP datagram from source port {@code id} to the probe port, or an
 * echo request with identifier {@code id}. One platform thread polls every raw socket.
 */
final class Witness implements AutoCloseable {
  private record Source(int fd, NetnsName stack, boolean v6, Protocol protocol) {}

  private record Key(Protocol protocol, int id) {}

  private final List<Source> sources = new ArrayList<>();
  private final Map<Key, List<Arrival>> arrivals = new ConcurrentHashMap<>();
  private final int tcpPort;
  private final int udpPort;
  private final Thread poller;
  private volatile boolean running = true;

  Witness(NamespaceThreads threads, List<NetnsName> stacks, int tcpPort, int udpPort) {
    this.tcpPort = tcpPort;
    this.udpPort = udpPort;
    try {
      for (NetnsName stack : stacks) {
        threads.run(NetnsRef.named(stack), () -> open(stack));
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    this.poller = Thread.ofPlatform().daemon().name("weft-probe-witness").start(this::poll);
  }

  private void open(NetnsName stack) {
    int[][] kinds = {
        {Sockets.AF_INET, Sockets.IPPROTO_TCP}, {Sockets.AF_INET, Sockets.IPPROTO_UDP}, {Sockets.AF_INET, Sockets.IPPROTO_ICMP},
        {Sockets.AF_INET6, Sockets.IPPROTO_TCP}, {Sockets.AF_INET6, Sockets.IPPROTO_UDP}, {Sockets.AF_INET6, Sockets.IPPROTO_ICMPV6}};
    for (int[] k : kinds) {
      int fd = Sockets.socket(k[0], Sockets.SOCK_RAW | Sockets.SOCK_NONBLOCK, k[1]);
      Protocol p = k[1] == Sockets.IPPROTO_TCP ? Protocol.TCP : k[1] == Sockets.IPPROTO_UDP ? Protocol.UDP : Protocol.ICMP;
      synchronized (sources) {
        sources.add(new Source(fd, stack, k[0] == Sockets.AF_INET6, p));
      }
    }
  }

  private void poll() {
    List<Source> all;
    synchronized (sources) {
      all = List.copyOf(sources);
    }
    int[] fds = all.stream().mapToInt(Source::fd).toArray();
    while (running) {
      boolean[] ready = Sockets.poll(fds, 50);
      for (int i = 0; i < ready.length && running; i++) {
        if (ready[i]) {
          drain(all.get(i));
        }
      }
    }
  }

  private void drain(Source s) {
    for (Optional<Sockets.Received> r = Sockets.recv(s.fd(), 2048); r.isPresent(); r = Sockets.recv(s.fd(), 2048)) {
      byte[] b = r.get().data();
      int l4 = s.v6() ? 0 : (b[0] & 0x0f) * 4;
      InetAddress from = r.get().source();
      recognise(s, b, l4).ifPresent(id -> {
        arrivals.computeIfAbsent(new Key(s.protocol(), id), k -> new java.util.concurrent.CopyOnWriteArrayList<>())
            .add(new Arrival(s.stack(), s.protocol(), id, from));
        synchronized (this) {
          notifyAll();
        }
      });
    }
  }

  /** The probe id a packet carries, if it is a probe's first packet. */
  private Optional<Integer> recognise(Source s, byte[] b, int l4) {
    if (b.length < l4 + 8) {
      return Optional.empty();
    }
    int a = u16(b, l4);
    int c = u16(b, l4 + 2);
    return switch (s.protocol()) {
      case TCP -> b.length >= l4 + 14 && c == tcpPort && (b[l4 + 13] & 0x12) == 0x02 ? Optional.of(a) : Optional.empty();
      case UDP -> c == udpPort ? Optional.of(a) : Optional.empty();
      case ICMP -> (b[l4] & 0xff) == (s.v6() ? 128 : 8) ? Optional.of(u16(b, l4 + 4)) : Optional.empty();
    };
  }

  private static int u16(byte[] b, int i) {
    return ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
  }

  /** The arrival of probe {@code id} at {@code stack}, waiting for it until {@code deadlineNanos}. */
  Optional<Arrival> await(Protocol protocol, int id, NetnsName stack, long deadlineNanos) {
    Key key = new Key(protocol, id);
    synchronized (this) {
      while (true) {
        Optional<Arrival> seen = arrivals.getOrDefault(key, List.of()).stream().filter(x -> x.stack().equals(stack)).findFirst();
        long left = deadlineNanos - System.nanoTime();
        if (seen.isPresent() || left <= 0) {
          return seen;
        }
        try {
          wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return seen;
        }
      }
    }
  }

  /** Every stack probe {@code id} arrived at (normally one, or none). */
  List<Arrival> arrivals(Protocol protocol, int id) {
    return List.copyOf(arrivals.getOrDefault(new Key(protocol, id), List.of()));
  }

  @Override
  public void close() {
    running = false;
    if (poller != null) {
      try {
        poller.join(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (sources) {
      sources.forEach(s -> Sockets.close(s.fd()));
      sources.clear();
    }
  }
}
