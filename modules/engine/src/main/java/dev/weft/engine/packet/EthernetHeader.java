package dev.weft.engine.packet;

import dev.weft.model.value.Mac;
import io.netty.buffer.ByteBuf;

/** An Ethernet II header (no 802.1Q tag; frames carry no FCS, as on Linux devices and in pcap). */
public record EthernetHeader(Mac destination, Mac source, int etherType) implements Header {
  public static final int LENGTH = 14;

  public EthernetHeader {
    Wire.checkRange("EtherType", etherType, 0xffff);
  }

  public static EthernetHeader decode(ByteBuf in) {
    Wire.require(in, LENGTH, "Ethernet header");
    Mac dst = Wire.readMac(in);
    Mac src = Wire.readMac(in);
    int type = in.readUnsignedShort();
    if (type < 0x0600) {
      throw new UnsupportedPacketException("Ethernet", "an 802.3 length field (" + type + ") instead of an EtherType");
    }
    return new EthernetHeader(dst, src, type);
  }

  /** The destination MAC of the frame starting at {@code index}, without decoding the rest. */
  public static Mac destinationAt(ByteBuf frame, int index) {
    return Wire.getMac(frame, index);
  }

  public static Mac sourceAt(ByteBuf frame, int index) {
    return Wire.getMac(frame, index + 6);
  }

  public static int etherTypeAt(ByteBuf frame, int index) {
    return frame.getUnsignedShort(index + 12);
  }

  @Override
  public int length() {
    return LENGTH;
  }

  @Override
  public void encode(ByteBuf out) {
    Wire.writeMac(out, destination);
    Wire.writeMac(out, source);
    out.writeShort(etherType);
  }

  @Override
  public String summary() {
    return "ether " + source + " > " + destination + ", " + EtherType.name(etherType);
  }
}
