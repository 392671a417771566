package dev.weft.model.netfilter;

import java.util.Optional;

/** The ipset types weft evaluates: one address dimension, optionally followed by a protocol:port one. */
public enum IpSetType {
  HASH_IP("hash:ip", false),
  HASH_NET("hash:net", false),
  HASH_IP_PORT("hash:ip,port", true),
  HASH_NET_PORT("hash:net,port", true);

  private final String keyword;
  private final boolean withPort;

  IpSetType(String keyword, boolean withPort) {
    this.keyword = keyword;
    this.withPort = withPort;
  }

  public String keyword() {
    return keyword;
  }

  /** Whether entries carry a protocol:port second dimension. */
  public boolean withPort() {
    return withPort;
  }

  public int dimensions() {
    return withPort ? 2 : 1;
  }

  public static Optional<IpSetType> byKeyword(String keyword) {
    for (IpSetType t : values()) {
      if (t.keyword.equals(keyword)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
