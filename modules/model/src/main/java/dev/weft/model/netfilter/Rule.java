package dev.weft.model.netfilter;

import dev.weft.model.value.InvalidValueException;
import dev.weft.model.value.PortRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One rule: the conjunction of its matches and a target, with the source line it came from (empty when
 * built in code). The constructor puts the header matches ({@code -s -d -i -o -p}) first in the order
 * iptables-save prints them, which is also the order the kernel tests them in, so equal rules compare
 * equal however they were written; matches that hold for every packet (such as {@code -s 0.0.0.0/0}) are
 * dropped, as iptables drops them. Port and ICMP matches need a positive {@code -p} of the right kind,
 * as iptables requires.
 */
public record Rule(List<Match> matches, Target target, OptionalInt line) {

  public Rule {
    matches = canonical(matches);
    checkProtocolNeeds(matches);
  }

  public static Rule of(Target target, Match... matches) {
    return new Rule(List.of(matches), target, OptionalInt.empty());
  }

  /** The {@code -m comment} texts joined with "; ", if the rule has any. */
  public Optional<String> comment() {
    List<String> texts = matches.stream().filter(Match.Comment.class::isInstance)
        .map(m -> ((Match.Comment) m).text()).toList();
    return texts.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", texts));
  }

  /** The positive {@code -p} protocol, if the rule has one. */
  public Optional<IpProtocol> protocol() {
    return matches.stream().filter(Match.Protocol.class::isInstance).map(m -> ((Match.Protocol) m).protocol())
        .findFirst();
  }

  public boolean hasUnknown() {
    return target instanceof Target.Unknown || matches.stream().anyMatch(Match.Unknown.class::isInstance);
  }

  public Rule withoutLine() {
    return new Rule(matches, target, OptionalInt.empty());
  }

  /** 0..4 for the header matches in iptables-save order, 5 for the rest. */
  static int headerRank(Match m) {
    Match inner = m instanceof Match.Not(Match x) ? x : m;
    return switch (inner) {
      case Match.Source s -> 0;
      case Match.Destination d -> 1;
      case Match.InInterface i -> 2;
      case Match.OutInterface o -> 3;
      case Match.Protocol p -> 4;
      default -> 5;
    };
  }

  /**
   * Matches that hold for every packet they can see and that iptables therefore does not keep:
   * {@code -s 0.0.0.0/0}, {@code -i +}, a port range 0-65535 under its protocol.
   */
  static boolean alwaysTrue(Match m) {
    return switch (m) {
      case Match.Source s -> s.cidr().prefixLength() == 0;
      case Match.Destination d -> d.cidr().prefixLength() == 0;
      case Match.InInterface i -> i.pattern().text().equals("+");
      case Match.OutInterface o -> o.pattern().text().equals("+");
      case Match.SourcePorts p -> p.ranges().equals(List.of(PortRange.ALL));
      case Match.DestinationPorts p -> p.ranges().equals(List.of(PortRange.ALL));
      default -> false;
    };
  }

  /**
   * A negated single port range that touches 0 or 65535 is the positive range on the other side;
   * iptables-nft stores it that way (and prints it back so), so it is kept in that form.
   */
  static Match positivePorts(Match m) {
    if (m instanceof Match.Not(Match.DestinationPorts(List<PortRange> r)) && r.size() == 1) {
      return complement(r.getFirst()).<Match>map(c -> new Match.DestinationPorts(List.of(c))).orElse(m);
    }
    if (m instanceof Match.Not(Match.SourcePorts(List<PortRange> r)) && r.size() == 1) {
      return complement(r.getFirst()).<Match>map(c -> new Match.SourcePorts(List.of(c))).orElse(m);
    }
    return m;
  }

  private static Optional<PortRange> complement(PortRange r) {
    if (r.first() == 0 && r.last() < PortRange.MAX_PORT) {
      return Optional.of(new PortRange(r.last() + 1, PortRange.MAX_PORT));
    }
    if (r.last() == PortRange.MAX_PORT && r.first() > 0) {
      return Optional.of(new PortRange(0, r.first() - 1));
    }
    return Optional.empty();
  }

  private static List<Match> canonical(List<Match> given) {
    List<Match> matches = given.stream().map(Rule::positivePorts).filter(m -> !alwaysTrue(m)).toList();
    List<Match> out = new ArrayList<>(matches.size());
    boolean[] seen = new boolean[5];
    for (int rank = 0; rank <= 5; rank++) {
      for (Match m : matches) {
        if (headerRank(m) != rank) {
          continue;
        }
        if (rank < 5) {
          if (seen[rank]) {
            throw new InvalidValueException("rule", matches.toString(), "at most one of each of -s, -d, -i, -o and -p");
          }
          seen[rank] = true;
        }
        out.add(m);
      }
    }
    return List.copyOf(out);
  }

  private static void checkProtocolNeeds(List<Match> matches) {
    Optional<IpProtocol> proto = matches.stream().filter(Match.Protocol.class::isInstance)
        .map(m -> ((Match.Protocol) m).protocol()).findFirst();
    for (Match m : matches) {
      Match inner = m instanceof Match.Not(Match x) ? x : m;
      boolean ports = inner instanceof Match.SourcePorts || inner instanceof Match.DestinationPorts
          || inner instanceof Match.EitherPorts;
      if (ports && proto.filter(IpProtocol::hasPorts).isEmpty()) {
        throw new InvalidValueException("rule", matches.toString(),
            "-p tcp, udp, udplite, sctp or dccp (not negated) before a port match");
      }
      if (inner instanceof Match.IcmpType && !proto.equals(Optional.of(IpProtocol.ICMP))) {
        throw new InvalidValueException("rule", matches.toString(), "-p icmp (not negated) before --icmp-type");
      }
    }
  }
}
