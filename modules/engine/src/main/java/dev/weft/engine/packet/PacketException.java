package dev.weft.engine.packet;

/** Bytes that are not a valid packet of the expected kind. Each failure kind has its own subtype. */
public abstract sealed class PacketException extends RuntimeException
    permits TruncatedPacketException, BadChecksumException, MalformedPacketException, UnsupportedPacketException {

  protected PacketException(String message) {
    super(message);
  }
}
