package dev.weft.dataplane.underlay;

import io.netty.channel.socket.DatagramPacket;

/** Where datagrams read from underlay sockets go. Called on the event loop only. */
public interface UnderlayInput {
  /** One datagram received on {@code port}; the callee owns it. */
  void datagram(UnderlayPort port, DatagramPacket datagram);

  /** The end of one wake-up's reads. */
  void endOfBatch();
}
