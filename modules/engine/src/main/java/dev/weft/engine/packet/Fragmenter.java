package dev.weft.engine.packet;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an IPv4 packet into fragments that fit an MTU (RFC 791): each carries a copy of the header with
 * its own offset, MF flag, length and checksum, and a payload slice that is a multiple of 8 bytes except
 * in the last. Fragmenting a fragment keeps its offset base and its MF flag on the last piece.
 */
public final class Fragmenter {
  private Fragmenter() {}

  /** The fragments of {@code packet} (an IPv4 packet at the reader index, DF clear); the input is not released. */
  public static List<ByteBuf> fragment(ByteBuf packet, int mtu, ByteBufAllocator alloc) {
    ByteBuf in = packet.duplicate();
    Ipv4Header ip = Ipv4Header.decode(in);
    if (ip.dontFragment()) {
      throw new IllegalArgumentException("cannot fragment a packet with DF set");
    }
    int chunk = (mtu - Ipv4Header.LENGTH) & ~7;
    if (chunk <= 0) {
      throw new IllegalArgumentException("MTU " + mtu + " leaves no room for a fragment");
    }
    List<ByteBuf> out = new ArrayList<>();
    int payload = ip.payloadLength();
    for (int done = 0; done < payload; done += chunk) {
      int size = Math.min(chunk, payload - done);
      boolean last = done + size >= payload;
      Ipv4Header header = ip.withFragment(ip.fragmentOffset() + done, !last || ip.moreFragments(), Ipv4Header.LENGTH + size);
      ByteBuf frag = alloc.buffer(Ipv4Header.LENGTH + size);
      header.encode(frag);
      frag.writeBytes(in, in.readerIndex() + done, size);
      out.add(frag);
    }
    return out;
  }
}
