package dev.weft.engine.message;

import dev.weft.model.InterfaceRef;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;

/**
 * Bytes on one port of a device: received on it (inbound to the device) or to be sent from it (what a
 * device emits). An Ethernet frame, except on a point-to-point IP device (L3 GRE), where it is an IP packet.
 */
public final class PortFrame extends DefaultByteBufHolder {
  private final InterfaceRef port;

  public PortFrame(InterfaceRef port, ByteBuf frame) {
    super(frame);
    this.port = port;
  }

  public InterfaceRef port() {
    return port;
  }

  /** The same bytes (this holder's reference) on another port. */
  public PortFrame onPort(InterfaceRef other) {
    return new PortFrame(other, content());
  }

  @Override
  public PortFrame replace(ByteBuf content) {
    return new PortFrame(port, content);
  }

  @Override
  public PortFrame retainedDuplicate() {
    return replace(content().retainedDuplicate());
  }

  @Override
  public String toString() {
    return "PortFrame(" + port + ", " + content().readableBytes() + " bytes)";
  }
}
