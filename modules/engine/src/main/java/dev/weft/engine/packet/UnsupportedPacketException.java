package dev.weft.engine.packet;

/** A valid packet using a feature weft does not model (IPv4 options, GRE routing, IPv6 extension headers). */
public final class UnsupportedPacketException extends PacketException {
  public UnsupportedPacketException(String layer, String feature) {
    super(layer + ": " + feature + " is not supported");
  }
}
