package dev.weft.engine.packet;

import java.util.List;
import java.util.Optional;

/**
 * Every header of a frame, outermost first, down to the innermost payload, after all checksums were
 * verified. An encapsulated frame (VXLAN, gretap) continues the list with its inner Ethernet header.
 */
public record DecodedFrame(List<Header> headers, int payloadLength) {
  public DecodedFrame {
    headers = List.copyOf(headers);
  }

  /** The first header of a type, outermost first. */
  public <T extends Header> Optional<T> first(Class<T> type) {
    return headers.stream().filter(type::isInstance).map(type::cast).findFirst();
  }

  /** The last header of a type: the innermost one in an encapsulated frame. */
  public <T extends Header> Optional<T> last(Class<T> type) {
    T found = null;
    for (Header h : headers) {
      if (type.isInstance(h)) {
        found = type.cast(h);
      }
    }
    return Optional.ofNullable(found);
  }

  /** Whether the frame carries another frame or packet inside a tunnel header. */
  public boolean encapsulated() {
    return headers.stream().anyMatch(h -> h instanceof VxlanHeader || h instanceof GreHeader);
  }
}
