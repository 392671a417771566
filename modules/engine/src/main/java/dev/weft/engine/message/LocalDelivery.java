package dev.weft.engine.message;

import dev.weft.model.value.Name;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;

/** An IP packet that reached an application in a namespace: the end of its journey. */
public final class LocalDelivery extends DefaultByteBufHolder {
  private final Name namespace;

  public LocalDelivery(Name namespace, ByteBuf packet) {
    super(packet);
    this.namespace = namespace;
  }

  public Name namespace() {
    return namespace;
  }

  @Override
  public LocalDelivery replace(ByteBuf content) {
    return new LocalDelivery(namespace, content);
  }

  @Override
  public String toString() {
    return "LocalDelivery(" + namespace + ", " + content().readableBytes() + " bytes)";
  }
}
