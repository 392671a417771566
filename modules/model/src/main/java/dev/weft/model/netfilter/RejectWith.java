package dev.weft.model.netfilter;

import java.util.List;
import java.util.Optional;

/** The error REJECT sends back ({@code --reject-with}); port-unreachable is iptables' default. */
public enum RejectWith {
  ICMP_NET_UNREACHABLE("icmp-net-unreachable", "net-unreach", "icmp type net-unreachable"),
  ICMP_HOST_UNREACHABLE("icmp-host-unreachable", "host-unreach", "icmp type host-unreachable"),
  ICMP_PORT_UNREACHABLE("icmp-port-unreachable", "port-unreach", "icmp type port-unreachable"),
  ICMP_PROTO_UNREACHABLE("icmp-proto-unreachable", "proto-unreach", "icmp type prot-unreachable"),
  ICMP_NET_PROHIBITED("icmp-net-prohibited", "net-prohib", "icmp type net-prohibited"),
  ICMP_HOST_PROHIBITED("icmp-host-prohibited", "host-prohib", "icmp type host-prohibited"),
  ICMP_ADMIN_PROHIBITED("icmp-admin-prohibited", "admin-prohib", "icmp type admin-prohibited"),
  TCP_RESET("tcp-reset", "tcp-rst", "tcp reset");

  private final String keyword;
  private final String alias;
  private final String nft;

  RejectWith(String keyword, String alias, String nft) {
    this.keyword = keyword;
    this.alias = alias;
    this.nft = nft;
  }

  /** The name iptables-save prints. */
  public String keyword() {
    return keyword;
  }

  /** The nft statement argument after {@code reject with}. */
  public String nft() {
    return nft;
  }

  public static Optional<RejectWith> byKeyword(String text) {
    for (RejectWith r : values()) {
      if (r.keyword.equals(text) || r.alias.equals(text)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  public static List<String> keywords() {
    return java.util.Arrays.stream(values()).map(RejectWith::keyword).toList();
  }
}
