package dev.weft.model.value;

/** The IP version of an address or prefix. */
public enum IpFamily {
  IPV4(32),
  IPV6(128);

  private final int bits;

  IpFamily(int bits) {
    this.bits = bits;
  }

  /** Address width in bits. */
  public int bits() {
    return bits;
  }

  /** Address width in bytes. */
  public int bytes() {
    return bits / 8;
  }
}
