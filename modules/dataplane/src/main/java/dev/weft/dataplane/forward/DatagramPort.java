package dev.weft.dataplane.forward;

import dev.weft.dataplane.stats.PortCounters;
import io.netty.channel.socket.DatagramPacket;

/** Where the switchboard sends tunnel datagrams: an underlay socket, or a test's stand-in. */
public interface DatagramPort {
  PortCounters counters();

  /** Queues one datagram, taking ownership; false when the socket refused it (counted by the port). */
  boolean send(DatagramPacket datagram);

  /** Hands the queued datagrams to the kernel (one sendmmsg). */
  void flush();
}
