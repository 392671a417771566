package dev.weft.engine.message;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;

/**
 * An IP packet a local socket sends: it enters its namespace's stack at the OUTPUT path. An unspecified
 * source address (0.0.0.0 or ::) is filled in by routing, as the kernel does for an unbound socket.
 */
public final class LocalPacket extends DefaultByteBufHolder {
  public LocalPacket(ByteBuf packet) {
    super(packet);
  }

  @Override
  public LocalPacket replace(ByteBuf content) {
    return new LocalPacket(content);
  }

  @Override
  public String toString() {
    return "LocalPacket(" + content().readableBytes() + " bytes)";
  }
}
