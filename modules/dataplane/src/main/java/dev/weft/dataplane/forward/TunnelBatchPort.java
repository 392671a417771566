package dev.weft.dataplane.forward;

import dev.weft.dataplane.offload.TunnelGsoHeader;
import dev.weft.dataplane.stats.PortCounters;
import dev.weft.model.value.IpAddress;
import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;

/**
 * Where a VXLAN datagram carrying a whole TCP segmentation batch can leave as one packet, for the host's
 * kernel to cut only where it must (as its own VXLAN devices do), instead of being cut into datagrams here.
 */
public interface TunnelBatchPort {
  PortCounters counters();

  /**
   * Sends {@code payload} (the VXLAN header and the inner frame, whose TCP checksum field holds the
   * pseudo-header sum) from {@code local}:{@code localPort} to {@code to} as a batch of {@code gsoSize}-byte
   * segments. True when it took {@code payload} (sent, or refused by the kernel and counted); false, with
   * {@code payload} untouched, when this port cannot carry it (the addresses are not IPv4, or it is too long).
   */
  boolean send(ByteBuf payload, TunnelGsoHeader.Inner inner, int gsoSize, IpAddress local, int localPort, InetSocketAddress to);
}
