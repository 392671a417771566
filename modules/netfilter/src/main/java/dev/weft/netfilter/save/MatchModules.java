package dev.weft.netfilter.save;

import dev.weft.model.netfilter.Direction;
import dev.weft.model.netfilter.InterfacePattern;
import dev.weft.model.netfilter.Match;
import dev.weft.model.value.InvalidValueException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns the options of one {@code -m MODULE} into matches. Each option weft understands becomes its own
 * match (negated with {@link Match.Not} when written with {@code !}); the rest of a module's options are
 * kept together as one {@link Match.Unknown} and reported through {@code warn}.
 */
final class MatchModules {
  static final Set<String> PORT_MODULES = Set.of("tcp", "udp", "udplite", "sctp", "dccp");

  private MatchModules() {}

  /** How many values an option takes, where weft knows; unknown options take the words up to the next option. */
  static OptionalInt arity(String module, String option) {
    return switch (option) {
      case "--comment", "--sport", "--source-port", "--dport", "--destination-port", "--sports", "--source-ports",
           "--dports", "--destination-ports", "--ports", "--icmp-type", "--ctstate", "--state", "--mark",
           "--src-type", "--dst-type", "--mode", "--probability", "--every", "--packet", "--limit",
           "--limit-burst", "--physdev-in", "--physdev-out" -> OptionalInt.of(1);
      case "--match-set" -> OptionalInt.of(2);
      case "--physdev-is-in", "--physdev-is-out", "--physdev-is-bridged" -> OptionalInt.of(0);
      default -> OptionalInt.empty();
    };
  }

  static List<Match> parse(Token module, List<OptionGroup> groups, Consumer<String> warn) {
    String name = module.text();
    List<Match> out = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    if (name.equals("statistic")) {
      out.add(statistic(module, groups));
      return out;
    }
    if (name.equals("limit")) {
      out.add(limit(module, groups));
      return out;
    }
    for (OptionGroup g : groups) {
      Optional<Match> m = known(name, g);
      if (m.isPresent()) {
        out.add(g.negated() ? not(g, m.get()) : m.get());
      } else {
        unknown.addAll(g.texts());
      }
    }
    if (!unknown.isEmpty() || (groups.isEmpty() && !PORT_MODULES.contains(name) && !name.equals("icmp"))) {
      List<String> tokens = new ArrayList<>(List.of("-m", name));
      tokens.addAll(unknown);
      out.add(new Match.Unknown(tokens));
      warn.accept(unknown.isEmpty() ? "match module '" + name + "' is not interpreted"
          : "'" + String.join(" ", tokens) + "' is not interpreted");
    }
    return out;
  }

  private static Match not(OptionGroup g, Match m) {
    if (!m.negatable()) {
      throw new LineSyntaxException(g.option(), g.option().text() + " cannot be negated", "no '!' before it");
    }
    return new Match.Not(m);
  }

  private static Optional<Match> known(String module, OptionGroup g) {
    String opt = g.option().text();
    if (PORT_MODULES.contains(module)) {
      return switch (opt) {
        case "--sport", "--source-port" -> Optional.of(new Match.SourcePorts(List.of(
            Values.portRange(g.arg(0, "a port"), g.arg(0, "").text()))));
        case "--dport", "--destination-port" -> Optional.of(new Match.DestinationPorts(List.of(
            Values.portRange(g.arg(0, "a port"), g.arg(0, "").text()))));
        default -> Optional.empty();
      };
    }
    return switch (module) {
      case "multiport" -> multiport(g);
      case "icmp" -> opt.equals("--icmp-type") ? Optional.of(IcmpTypes.parse(g.arg(0, "an ICMP type"))) : Optional.empty();
      case "conntrack" -> opt.equals("--ctstate")
          ? Optional.of(new Match.CtState(Values.connStates(g.arg(0, "conntrack states")))) : Optional.empty();
      case "state" -> opt.equals("--state")
          ? Optional.of(new Match.CtState(Values.connStates(g.arg(0, "states")))) : Optional.empty();
      case "set" -> opt.equals("--match-set") ? Optional.of(set(g)) : Optional.empty();
      case "mark" -> opt.equals("--mark") ? Optional.of(mark(g)) : Optional.empty();
      case "addrtype" -> addrtype(g);
      case "comment" -> opt.equals("--comment") ? Optional.of(comment(g)) : Optional.empty();
      case "physdev" -> physdev(g);
      default -> Optional.empty();
    };
  }

  private static Optional<Match> multiport(OptionGroup g) {
    return switch (g.option().text()) {
      case "--sports", "--source-ports" -> Optional.of(new Match.SourcePorts(ports(g)));
      case "--dports", "--destination-ports" -> Optional.of(new Match.DestinationPorts(ports(g)));
      case "--ports" -> Optional.of(new Match.EitherPorts(ports(g)));
      default -> Optional.empty();
    };
  }

  private static List<dev.weft.model.value.PortRange> ports(OptionGroup g) {
    Token t = g.arg(0, "a comma-separated port list");
    try {
      List<dev.weft.model.value.PortRange> list = Values.portList(t);
      new Match.DestinationPorts(list);
      return list;
    } catch (InvalidValueException e) {
      throw new LineSyntaxException(t, "too many ports for multiport", "at most 15 ports, a range counting as two");
    }
  }

  private static Match set(OptionGroup g) {
    Token name = g.arg(0, "a set name and src/dst flags");
    Token flags = g.arg(1, "src/dst flags such as src or src,dst");
    List<Direction> dims = new ArrayList<>();
    for (String f : flags.text().split(",", -1)) {
      switch (f) {
        case "src" -> dims.add(Direction.SRC);
        case "dst" -> dims.add(Direction.DST);
        default -> throw new LineSyntaxException(flags, "bad set flag '" + f + "'", "src or dst, comma-separated");
      }
    }
    try {
      return new Match.SetMembership(name.text(), dims);
    } catch (InvalidValueException e) {
      throw new LineSyntaxException(name, e.getMessage(), e.expected());
    }
  }

  private static Match mark(OptionGroup g) {
    long[] vm = Values.mark(g.arg(0, "a mark"));
    return new Match.Mark(vm[0], vm[1]);
  }

  private static Optional<Match> addrtype(OptionGroup g) {
    Direction side = switch (g.option().text()) {
      case "--src-type" -> Direction.SRC;
      case "--dst-type" -> Direction.DST;
      default -> null;
    };
    return side == null ? Optional.empty()
        : Optional.of(new Match.AddrType(side, Values.addressTypes(g.arg(0, "address types"))));
  }

  private static Match comment(OptionGroup g) {
    g.requireNotNegated();
    Token t = g.arg(0, "the comment text");
    try {
      return new Match.Comment(t.text());
    } catch (InvalidValueException e) {
      throw new LineSyntaxException(t, "comment is too long", "at most 255 characters");
    }
  }

  private static Optional<Match> physdev(OptionGroup g) {
    return switch (g.option().text()) {
      case "--physdev-in" -> Optional.of(new Match.PhysdevIn(pattern(g.arg(0, "a bridge port name")))); 
      case "--physdev-out" -> Optional.of(new Match.PhysdevOut(pattern(g.arg(0, "a bridge port name"))));
      case "--physdev-is-in" -> Optional.of(new Match.PhysdevIsIn());
      case "--physdev-is-out" -> Optional.of(new Match.PhysdevIsOut());
      case "--physdev-is-bridged" -> Optional.of(new Match.PhysdevIsBridged());
      default -> Optional.empty();
    };
  }

  static InterfacePattern pattern(Token t) {
    try {
      return InterfacePattern.of(t.text());
    } catch (InvalidValueException e) {
      throw new LineSyntaxException(t, "bad interface name '" + t.text() + "'", e.expected());
    }
  }

  /** statistic's options describe one match; {@code !} may sit before any of them. */
  private static Match statistic(Token module, List<OptionGroup> groups) {
    String mode = "";
    Optional<Double> probability = Optional.empty();
    int every = 0;
    int packet = 0;
    boolean negated = false;
    for (OptionGroup g : groups) {
      negated |= g.negated();
      switch (g.option().text()) {
        case "--mode" -> mode = g.arg(0, "random or nth").text().toLowerCase(Locale.ROOT);
        case "--probability" -> probability = Optional.of(Values.probability(g.arg(0, "a probability")));
        case "--every" -> every = Values.number(g.arg(0, ""), g.arg(0, "").text(), 1, Integer.MAX_VALUE, "a count >= 1");
        case "--packet" -> packet = Values.number(g.arg(0, ""), g.arg(0, "").text(), 0, Integer.MAX_VALUE, "a count");
        default -> throw new LineSyntaxException(g.option(), "unknown statistic option " + g.option().text(),
            "--mode, --probability, --every or --packet");
      }
    }
    Match m = switch (mode) {
      case "random" -> Match.Random.withProbability(probability.orElseThrow(() ->
          new LineSyntaxException(module, "statistic --mode random needs --probability", "--probability P")));
      case "nth" -> {
        if (every < 1 || packet >= every) {
          throw new LineSyntaxException(module, "statistic --mode nth needs --every N and --packet below N",
              "--every N [--packet P] with P < N");
        }
        yield new Match.Nth(every, packet);
      }
      default -> throw new LineSyntaxException(module, "statistic needs --mode random or --mode nth", "--mode random|nth");
    };
    return negated ? new Match.Not(m) : m;
  }

  private static Match limit(Token module, List<OptionGroup> groups) {
    String rate = "3/hour";
    int burst = Match.Limit.DEFAULT_BURST;
    for (OptionGroup g : groups) {
      g.requireNotNegated();
      switch (g.option().text()) {
        case "--limit" -> rate = g.arg(0, "a rate").text();
        case "--limit-burst" -> burst = Values.number(g.arg(0, ""), g.arg(0, "").text(), 1, 10_000, "a burst from 1");
        default -> throw new LineSyntaxException(g.option(), "unknown limit option " + g.option().text(),
            "--limit or --limit-burst");
      }
    }
    try {
      return new Match.Limit(rate, burst);
    } catch (InvalidValueException e) {
      throw new LineSyntaxException(module, "bad limit rate '" + rate + "'", "a rate like 10/min");
    }
  }
}
