package dev.weft.linux.netfilter;

/** An nftables table, such as {@code inet weft}. */
public record NftTable(String family, String name) {
  @Override
  public String toString() {
    return family + " " + name;
  }
}
