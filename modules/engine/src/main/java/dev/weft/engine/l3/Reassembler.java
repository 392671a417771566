package dev.weft.engine.l3;

import dev.weft.engine.packet.Ipv4Header;
import dev.weft.model.value.IpAddress;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Puts IPv4 fragments back together (RFC 791, RFC 815): fragments are grouped by source, destination,
 * protocol and identification; a datagram is complete when its pieces cover every byte from 0 to the end
 * given by the fragment without MF. Overlaps are resolved by offset, later bytes winning.
 */
public final class Reassembler {
  private record Key(IpAddress source, IpAddress destination, int protocol, int id) {}

  private record Piece(Ipv4Header header, ByteBuf packet) {}

  /** A finished datagram and how many fragments made it. */
  public record Datagram(ByteBuf packet, int fragments) {}

  private final Map<Key, List<Piece>> partial = new HashMap<>();

  /** Takes ownership of {@code fragment}; returns the datagram once its last piece has arrived. */
  public Optional<Datagram> offer(ByteBuf fragment, ByteBufAllocator alloc) {
    Ipv4Header h = Ipv4Header.decode(fragment.duplicate());
    Key key = new Key(h.source(), h.destination(), h.protocol(), h.identification());
    List<Piece> pieces = partial.computeIfAbsent(key, k -> new ArrayList<>());
    pieces.add(new Piece(h, fragment));
    OptionalInt end = endOf(pieces);
    if (end.isEmpty() || !covered(pieces, end.getAsInt())) {
      return Optional.empty();
    }
    partial.remove(key);
    return Optional.of(new Datagram(join(pieces, end.getAsInt(), alloc), pieces.size()));
  }

  private static OptionalInt endOf(List<Piece> pieces) {
    for (Piece p : pieces) {
      if (!p.header.moreFragments()) {
        return OptionalInt.of(p.header.fragmentOffset() + p.header.payloadLength());
      }
    }
    return OptionalInt.empty();
  }

  private static boolean covered(List<Piece> pieces, int end) {
    List<Piece> sorted = new ArrayList<>(pieces);
    sorted.sort(Comparator.comparingInt(p -> p.header.fragmentOffset()));
    int reach = 0;
    for (Piece p : sorted) {
      if (p.header.fragmentOffset() > reach) {
        return false;
      }
      reach = Math.max(reach, p.header.fragmentOffset() + p.header.payloadLength());
    }
    return reach >= end;
  }

  private static ByteBuf join(List<Piece> pieces, int end, ByteBufAllocator alloc) {
    Ipv4Header first = pieces.stream().filter(p -> p.header.fragmentOffset() == 0).findFirst().orElseThrow().header;
    ByteBuf out = alloc.buffer(Ipv4Header.LENGTH + end);
    first.withFragment(0, false, Ipv4Header.LENGTH + end).encode(out);
    out.writeZero(end);
    for (Piece p : pieces) {
      out.setBytes(Ipv4Header.LENGTH + p.header.fragmentOffset(), p.packet,
          p.packet.readerIndex() + Ipv4Header.LENGTH, p.header.payloadLength());
      p.packet.release();
    }
    return out;
  }

  /** Drops every incomplete datagram (on shutdown, or when the reassembly timer would). */
  public void releaseAll() {
    partial.values().forEach(list -> list.forEach(p -> p.packet.release()));
    partial.clear();
  }
}
