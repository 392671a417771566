package dev.weft.engine.packet;

/** A header or datagram whose Internet checksum does not verify. */
public final class BadChecksumException extends PacketException {
  public BadChecksumException(String layer) {
    super("bad " + layer + " checksum");
  }
}
