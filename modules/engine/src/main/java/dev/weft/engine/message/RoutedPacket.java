package dev.weft.engine.message;

import dev.weft.model.InterfaceRef;
import dev.weft.model.value.IpAddress;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;
import java.util.Optional;

/**
 * An IP packet after the routing decision: for this host (INPUT), passing through (FORWARD) or sent by
 * this host (OUTPUT). Forwarded and sent packets carry their egress interface and next hop.
 */
public final class RoutedPacket extends DefaultByteBufHolder {
  /** Which way through the stack the routing decision sent the packet. */
  public enum Path {
    LOCAL_IN, FORWARD, LOCAL_OUT
  }

  private final Path path;
  private final Optional<InterfaceRef> in;
  private final Optional<InterfaceRef> out;
  private final Optional<IpAddress> nextHop;

  public RoutedPacket(Path path, Optional<InterfaceRef> in, Optional<InterfaceRef> out, Optional<IpAddress> nextHop, ByteBuf packet) {
    super(packet);
    if (path != Path.LOCAL_IN && (out.isEmpty() || nextHop.isEmpty())) {
      throw new IllegalArgumentException(path + " needs an egress interface and a next hop");
    }
    this.path = path;
    this.in = in;
    this.out = out;
    this.nextHop = nextHop;
  }

  public static RoutedPacket local(Optional<InterfaceRef> in, ByteBuf packet) {
    return new RoutedPacket(Path.LOCAL_IN, in, Optional.empty(), Optional.empty(), packet);
  }

  public Path path() {
    return path;
  }

  public Optional<InterfaceRef> in() {
    return in;
  }

  /** The egress interface; present unless the path is LOCAL_IN. */
  public InterfaceRef out() {
    return out.orElseThrow(() -> new IllegalStateException("a locally delivered packet has no egress"));
  }

  public Optional<InterfaceRef> outIfAny() {
    return out;
  }

  public IpAddress nextHop() {
    return nextHop.orElseThrow(() -> new IllegalStateException("a locally delivered packet has no next hop"));
  }

  public boolean leaves() {
    return path != Path.LOCAL_IN;
  }

  @Override
  public RoutedPacket replace(ByteBuf content) {
    return new RoutedPacket(path, in, out, nextHop, content);
  }

  @Override
  public String toString() {
    return "RoutedPacket(" + path + ", in " + in.map(Object::toString).orElse("-") + ", out "
        + out.map(Object::toString).orElse("-") + ", " + content().readableBytes() + " bytes)";
  }
}
