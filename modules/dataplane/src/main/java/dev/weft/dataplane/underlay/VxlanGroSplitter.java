package dev.weft.dataplane.underlay;

import dev.weft.engine.packet.EtherType;
import dev.weft.engine.packet.EthernetHeader;
import dev.weft.engine.packet.VxlanHeader;
import io.netty.buffer.ByteBuf;
import io.netty.channel.socket.DatagramPacket;
import java.util.function.Consumer;

/**
 * Cuts a read holding several VXLAN datagrams back into datagrams. With UDP_GRO the kernel hands a
 * socket consecutive equal-size datagrams of one sender as one read, and says the size in a control
 * message that Netty 4.2.18's recvmmsg path drops (netty#17492): the read arrives as one datagram. Its
 * first VXLAN frame's IP length gives the segment size; each further segment must start with the same
 * VXLAN header, or the rest stays with the last one, as trailing bytes the handlers ignore. A genuine
 * single datagram has no such tail (only an inner frame's short padding).
 */
final class VxlanGroSplitter {
  private static final int VXLAN = VxlanHeader.LENGTH;
  private static final int ETHERNET = EthernetHeader.LENGTH;
  /** A VXLAN header, an Ethernet header and the smallest IP header. */
  private static final int SMALLEST = VXLAN + ETHERNET + 20;

  private VxlanGroSplitter() {}

  /** Passes on {@code d} (owned by this call) as it is, or as the datagrams it holds. */
  static void split(DatagramPacket d, Consumer<DatagramPacket> out) {
    ByteBuf c = d.content();
    int segment = firstSegment(c);
    if (segment <= 0 || c.readableBytes() - segment < SMALLEST) {
      out.accept(d);
      return;
    }
    int at = c.readerIndex();
    int end = c.writerIndex();
    long header = c.getLong(at);
    try {
      while (at < end) {
        int next = at + segment;
        boolean more = next < end && end - next >= SMALLEST && c.getLong(next) == header;
        int length = more ? segment : end - at;
        out.accept(new DatagramPacket(c.retainedSlice(at, length), d.recipient(), d.sender()));
        at += length;
      }
    } finally {
      d.release();
    }
  }

  /** The length of the first VXLAN datagram by its inner IP header, 0 when it is not VXLAN over IP. */
  private static int firstSegment(ByteBuf c) {
    int at = c.readerIndex();
    if (c.readableBytes() < SMALLEST || (c.getUnsignedByte(at) & 0x08) == 0) {
      return 0;
    }
    int type = c.getUnsignedShort(at + VXLAN + 12);
    int ip = at + VXLAN + ETHERNET;
    int version = c.getUnsignedByte(ip) >>> 4;
    int length;
    if (type == EtherType.IPV4 && version == 4) {
      length = c.getUnsignedShort(ip + 2);
    } else if (type == EtherType.IPV6 && version == 6 && c.readableBytes() >= SMALLEST + 20) {
      length = 40 + c.getUnsignedShort(ip + 4);
    } else {
      return 0;
    }
    return length < 20 ? 0 : VXLAN + ETHERNET + length;
  }
}
