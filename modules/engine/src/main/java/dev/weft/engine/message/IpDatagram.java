package dev.weft.engine.message;

import dev.weft.model.value.IpAddress;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;

/**
 * An IP payload with its addresses and protocol, as a raw IP socket sends or receives it: what GRE hands
 * to the stack to send and what the stack hands to GRE on receipt.
 */
public final class IpDatagram extends DefaultByteBufHolder {
  private final IpAddress source;
  private final IpAddress destination;
  private final int protocol;

  public IpDatagram(IpAddress source, IpAddress destination, int protocol, ByteBuf payload) {
    super(payload);
    this.source = source;
    this.destination = destination;
    this.protocol = protocol;
  }

  public IpAddress source() {
    return source;
  }

  public IpAddress destination() {
    return destination;
  }

  public int protocol() {
    return protocol;
  }

  @Override
  public IpDatagram replace(ByteBuf content) {
    return new IpDatagram(source, destination, protocol, content);
  }

  @Override
  public String toString() {
    return "IpDatagram(" + source + " > " + destination + " proto " + protocol + ", " + content().readableBytes() + " bytes)";
  }
}
