package dev.weft.engine.message;

import dev.weft.model.InterfaceRef;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;

/** An IP packet received on an interface, its link header already removed and its IP header validated. */
public final class ReceivedPacket extends DefaultByteBufHolder {
  private final InterfaceRef in;

  public ReceivedPacket(InterfaceRef in, ByteBuf packet) {
    super(packet);
    this.in = in;
  }

  public InterfaceRef in() {
    return in;
  }

  @Override
  public ReceivedPacket replace(ByteBuf content) {
    return new ReceivedPacket(in, content);
  }

  @Override
  public String toString() {
    return "ReceivedPacket(" + in + ", " + content().readableBytes() + " bytes)";
  }
}
