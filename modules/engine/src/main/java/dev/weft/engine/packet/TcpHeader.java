package dev.weft.engine.packet;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP header (RFC 9293) without options. Decoding skips options it finds, since nothing in weft reads
 * them; encode then decode is the identity for option-less headers.
 */
public record TcpHeader(
    int sourcePort, int destinationPort, long sequence, long acknowledgement, int flags, int window, int urgentPointer)
    implements TransportHeader {
  public static final int LENGTH = 20;
  public static final int FIN = 0x01;
  public static final int SYN = 0x02;
  public static final int RST = 0x04;
  public static final int PSH = 0x08;
  public static final int ACK = 0x10;
  public static final int URG = 0x20;
  public static final int ECE = 0x40;
  public static final int CWR = 0x80;

  public TcpHeader {
    Wire.checkRange("source port", sourcePort, 0xffff);
    Wire.checkRange("destination port", destinationPort, 0xffff);
    Wire.checkRange("sequence number", sequence, 0xffff_ffffL);
    Wire.checkRange("acknowledgement number", acknowledgement, 0xffff_ffffL);
    Wire.checkRange("flags", flags, 0x1ff);
    Wire.checkRange("window", window, 0xffff);
    Wire.checkRange("urgent pointer", urgentPointer, 0xffff);
  }

  /** The first segment of a connection: SYN with sequence 0 and a 64 KiB window. */
  public static TcpHeader syn(int sourcePort, int destinationPort) {
    return new TcpHeader(sourcePort, destinationPort, 0, 0, SYN, 0xffff, 0);
  }

  public static TcpHeader decode(ByteBuf in) {
    Wire.require(in, LENGTH, "TCP header");
    int start = in.readerIndex();
    int offset = (in.getUnsignedByte(start + 12) >>> 4) * 4;
    if (offset < LENGTH) {
      throw new MalformedPacketException("TCP header", "data offset " + offset);
    }
    Wire.require(in, offset, "TCP header with options");
    TcpHeader h = new TcpHeader(
        in.getUnsignedShort(start), in.getUnsignedShort(start + 2), in.getUnsignedInt(start + 4),
        in.getUnsignedInt(start + 8), in.getUnsignedShort(start + 12) & 0x1ff, in.getUnsignedShort(start + 14),
        in.getUnsignedShort(start + 18));
    in.skipBytes(offset);
    return h;
  }

  @Override
  public int protocol() {
    return IpProtocol.TCP;
  }

  @Override
  public int checksumOffset() {
    return 16;
  }

  @Override
  public int length() {
    return LENGTH;
  }

  @Override
  public void encode(ByteBuf out) {
    out.writeShort(sourcePort);
    out.writeShort(destinationPort);
    out.writeInt((int) sequence);
    out.writeInt((int) acknowledgement);
    out.writeShort((5 << 12) | flags);
    out.writeShort(window);
    out.writeShort(0);
    out.writeShort(urgentPointer);
  }

  @Override
  public String summary() {
    return "tcp " + sourcePort + " > " + destinationPort + " [" + flagLetters() + "] seq " + sequence;
  }

  private String flagLetters() {
    List<String> out = new ArrayList<>();
    String[] names = {"F", "S", "R", "P", ".", "U", "E", "W", "N"};
    for (int bit = 0; bit < names.length; bit++) {
      if ((flags & (1 << bit)) != 0) {
        out.add(names[bit]);
      }
    }
    return String.join("", out);
  }
}
