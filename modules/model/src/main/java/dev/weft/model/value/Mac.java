package dev.weft.model.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** A 48-bit Ethernet address, written lower-case with colons: {@code 02:42:ac:11:00:02}. */
public record Mac(long value) {

  private static final String EXPECTED = "six hex octets like 02:42:ac:11:00:02";
  public static final Mac BROADCAST = new Mac(0xffff_ffff_ffffL);
  public static final Mac ZERO = new Mac(0);

  public Mac {
    if ((value >>> 48) != 0) {
      throw new InvalidValueException("MAC address", Long.toHexString(value), "a 48-bit value");
    }
  }

  /** Accepts ':' or '-' separators and either case. */
  @JsonCreator
  public static Mac parse(String text) {
    if (text.length() != 17) {
      throw new InvalidValueException("MAC address", text, EXPECTED);
    }
    char sep = text.charAt(2);
    if (sep != ':' && sep != '-') {
      throw new InvalidValueException("MAC address", text, EXPECTED);
    }
    long v = 0;
    for (int i = 0; i < 6; i++) {
      int at = i * 3;
      if (i > 0 && text.charAt(at - 1) != sep) {
        throw new InvalidValueException("MAC address", text, EXPECTED);
      }
      int hi = Character.digit(text.charAt(at), 16);
      int lo = Character.digit(text.charAt(at + 1), 16);
      if (hi < 0 || lo < 0) {
        throw new InvalidValueException("MAC address", text, EXPECTED);
      }
      v = (v << 8) | (hi << 4) | lo;
    }
    return new Mac(v);
  }

  public static Mac fromBytes(byte[] b) {
    if (b.length != 6) {
      throw new InvalidValueException("MAC address", b.length + " bytes", "6 bytes");
    }
    long v = 0;
    for (byte x : b) {
      v = (v << 8) | (x & 0xff);
    }
    return new Mac(v);
  }

  /**
   * A stable, locally administered unicast address derived from {@code seed}, so that simulated and
   * deployed devices get the same MAC on every run.
   */
  public static Mac derivedFrom(String seed) {
    long h = 0xcbf29ce484222325L;
    for (byte b : seed.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    long v = h & 0xffff_ffff_ffffL;
    v = (v & ~(0x01L << 40)) | (0x02L << 40); // unicast, locally administered
    return new Mac(v);
  }

  public byte[] toBytes() {
    byte[] b = new byte[6];
    for (int i = 0; i < 6; i++) {
      b[i] = (byte) (value >>> (40 - 8 * i));
    }
    return b;
  }

  public boolean isMulticast() {
    return ((value >>> 40) & 0x01) != 0;
  }

  public boolean isBroadcast() {
    return value == BROADCAST.value;
  }

  public boolean isUnicast() {
    return !isMulticast();
  }

  @JsonValue
  @Override
  public String toString() {
    return HexFormat.ofDelimiter(":").formatHex(toBytes());
  }
}
