package dev.weft.netfilter.render;

/** Marks as iptables-save prints them: lower-case hex, the mask left out when it is all ones. */
final class MarkText {
  static final long ALL = 0xffff_ffffL;

  private MarkText() {}

  static String hex(long v) {
    return "0x" + Long.toHexString(v);
  }

  static String valueMask(long value, long mask) {
    return mask == ALL ? hex(value) : hex(value) + "/" + hex(mask);
  }
}
