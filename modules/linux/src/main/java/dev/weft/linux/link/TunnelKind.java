package dev.weft.linux.link;

/** Point-to-point IP tunnels; their kernel modules are missing on some hosts (see UnsupportedLinkKindException). */
public enum TunnelKind {
  /** Layer-3 GRE (RFC 2784), kind "gre". */
  GRE("gre"),
  /** Ethernet over GRE (protocol 0x6558), kind "gretap". */
  GRETAP("gretap"),
  /** IPv4 in IPv4, kind "ipip". */
  IPIP("ipip");

  private final String kind;

  TunnelKind(String kind) {
    this.kind = kind;
  }

  /** The IFLA_INFO_KIND string. */
  public String kind() {
    return kind;
  }
}
