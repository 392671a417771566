package dev.weft.engine.packet;

import dev.weft.model.value.IpAddress;
import dev.weft.model.value.IpFamily;
import dev.weft.model.value.Mac;
import io.netty.buffer.ByteBuf;

/** An ARP message for IPv4 over Ethernet (RFC 826): hardware type 1, protocol 0x0800. */
public record ArpPacket(int operation, Mac senderMac, IpAddress senderIp, Mac targetMac, IpAddress targetIp)
    implements Header {
  public static final int LENGTH = 28;
  public static final int REQUEST = 1;
  public static final int REPLY = 2;

  public ArpPacket {
    if (operation != REQUEST && operation != REPLY) {
      throw new IllegalArgumentException("ARP operation must be 1 (request) or 2 (reply), was " + operation);
    }
    Wire.requireFamily("ARP sender address", senderIp, IpFamily.IPV4);
    Wire.requireFamily("ARP target address", targetIp, IpFamily.IPV4);
  }

  /** A request: who has {@code target}? tell {@code senderIp}. The target MAC is zero, as Linux sends it. */
  public static ArpPacket request(Mac senderMac, IpAddress senderIp, IpAddress target) {
    return new ArpPacket(REQUEST, senderMac, senderIp, Mac.ZERO, target);
  }

  /** The reply to this request from the owner of the target address. */
  public ArpPacket replyFrom(Mac owner) {
    return new ArpPacket(REPLY, owner, targetIp, senderMac, senderIp);
  }

  public static ArpPacket decode(ByteBuf in) {
    Wire.require(in, LENGTH, "ARP packet");
    int htype = in.readUnsignedShort();
    int ptype = in.readUnsignedShort();
    int hlen = in.readUnsignedByte();
    int plen = in.readUnsignedByte();
    if (htype != 1 || ptype != EtherType.IPV4 || hlen != 6 || plen != 4) {
      throw new UnsupportedPacketException("ARP", "hardware " + htype + "/" + hlen + " protocol " + ptype + "/" + plen);
    }
    int op = in.readUnsignedShort();
    if (op != REQUEST && op != REPLY) {
      throw new MalformedPacketException("ARP", "operation " + op);
    }
    Mac sha = Wire.readMac(in);
    IpAddress spa = Wire.readAddress(in, IpFamily.IPV4);
    Mac tha = Wire.readMac(in);
    IpAddress tpa = Wire.readAddress(in, IpFamily.IPV4);
    return new ArpPacket(op, sha, spa, tha, tpa);
  }

  @Override
  public int length() {
    return LENGTH;
  }

  @Override
  public void encode(ByteBuf out) {
    out.writeShort(1);
    out.writeShort(EtherType.IPV4);
    out.writeByte(6);
    out.writeByte(4);
    out.writeShort(operation);
    Wire.writeMac(out, senderMac);
    Wire.writeAddress(out, senderIp);
    Wire.writeMac(out, targetMac);
    Wire.writeAddress(out, targetIp);
  }

  @Override
  public String summary() {
    return operation == REQUEST
        ? "arp who-has " + targetIp + " tell " + senderIp
        : "arp reply " + senderIp + " is-at " + senderMac;
  }
}
