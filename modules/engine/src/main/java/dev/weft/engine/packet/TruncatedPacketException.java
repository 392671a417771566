package dev.weft.engine.packet;

/** Fewer bytes than a header or its declared length needs. */
public final class TruncatedPacketException extends PacketException {
  public TruncatedPacketException(String layer, int needed, int available) {
    super("truncated " + layer + ": needs " + needed + " bytes, " + available + " available");
  }
}
