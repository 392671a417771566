package dev.weft.engine.packet;

import dev.weft.model.value.Vni;
import io.netty.buffer.ByteBuf;

/** A VXLAN header (RFC 7348): flags with the I bit, 24 reserved bits, the VNI and 8 reserved bits. */
public record VxlanHeader(Vni vni) implements Header {
  public static final int LENGTH = 8;
  private static final int FLAG_VNI_VALID = 0x08;

  public static VxlanHeader decode(ByteBuf in) {
    Wire.require(in, LENGTH, "VXLAN header");
    int flags = in.readUnsignedByte();
    if ((flags & FLAG_VNI_VALID) == 0) {
      throw new MalformedPacketException("VXLAN header", "the I flag is not set (flags 0x" + Integer.toHexString(flags) + ")");
    }
    in.skipBytes(3);
    int vni = in.readUnsignedMedium();
    in.skipBytes(1);
    return new VxlanHeader(new Vni(vni));
  }

  @Override
  public int length() {
    return LENGTH;
  }

  @Override
  public void encode(ByteBuf out) {
    out.writeByte(FLAG_VNI_VALID);
    out.writeMedium(0);
    out.writeMedium(vni.value());
    out.writeByte(0);
  }

  @Override
  public String summary() {
    return "vxlan vni " + vni;
  }
}
