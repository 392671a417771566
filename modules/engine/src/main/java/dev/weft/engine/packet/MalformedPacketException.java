package dev.weft.engine.packet;

/** A field with a value its format forbids, such as IPv4 version 5 or a VXLAN header without the I flag. */
public final class MalformedPacketException extends PacketException {
  public MalformedPacketException(String layer, String problem) {
    super("malformed " + layer + ": " + problem);
  }
}
