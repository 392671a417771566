package dev.weft.netfilter.save;

import dev.weft.model.netfilter.NatRange;
import dev.weft.model.netfilter.RejectWith;
import dev.weft.model.netfilter.Target;
import dev.weft.model.value.InvalidValueException;
import dev.weft.model.value.PortRange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** Reads {@code -j TARGET [options]} for the targets weft interprets; other names become a {@link TargetSpec.ChainRef}. */
final class Targets {
  private static final Set<String> KNOWN =
      Set.of("ACCEPT", "DROP", "RETURN", "REJECT", "DNAT", "SNAT", "MASQUERADE", "MARK", "LOG", "NFLOG");
  private static final Map<String, String> LOG_LEVELS = Map.ofEntries(
      Map.entry("emerg", "0"), Map.entry("panic", "0"), Map.entry("alert", "1"), Map.entry("crit", "2"),
      Map.entry("err", "3"), Map.entry("error", "3"), Map.entry("warning", "4"), Map.entry("warn", "4"),
      Map.entry("notice", "5"), Map.entry("info", "6"), Map.entry("debug", "7"));

  private Targets() {}

  static OptionalInt arity(String target, String option) {
    return switch (option) {
      case "--reject-with", "--to-destination", "--to-source", "--to-ports", "--set-xmark", "--set-mark",
           "--and-mark", "--or-mark", "--xor-mark", "--log-level", "--log-prefix", "--nflog-group",
           "--nflog-prefix", "--nflog-range", "--nflog-size", "--nflog-threshold" -> OptionalInt.of(1);
      case "--random", "--random-fully", "--persistent", "--log-tcp-sequence", "--log-tcp-options",
           "--log-ip-options", "--log-uid", "--log-macdecode" -> OptionalInt.of(0);
      default -> OptionalInt.empty();
    };
  }

  static TargetSpec parse(Token name, List<OptionGroup> options, boolean isGoto) {
    if (!KNOWN.contains(name.text())) {
      return new TargetSpec.ChainRef(name, isGoto, options);
    }
    if (isGoto) {
      throw new LineSyntaxException(name, "-g needs a user chain, not " + name.text(), "a user chain name");
    }
    options.forEach(OptionGroup::requireNotNegated);
    Target t = switch (name.text()) {
      case "ACCEPT" -> noOptions(name, options, new Target.Accept());
      case "DROP" -> noOptions(name, options, new Target.Drop());
      case "RETURN" -> noOptions(name, options, new Target.Return());
      case "REJECT" -> reject(name, options);
      case "DNAT" -> dnat(name, options);
      case "SNAT" -> snat(name, options);
      case "MASQUERADE" -> masquerade(name, options);
      case "MARK" -> mark(name, options);
      default -> log(name, options);
    };
    return new TargetSpec.Resolved(t);
  }

  private static Target noOptions(Token name, List<OptionGroup> options, Target t) {
    if (!options.isEmpty()) {
      throw new LineSyntaxException(options.getFirst().option(), name.text() + " takes no options", "nothing after -j " + name.text());
    }
    return t;
  }

  private static Target reject(Token name, List<OptionGroup> options) {
    RejectWith with = RejectWith.ICMP_PORT_UNREACHABLE;
    for (OptionGroup g : options) {
      expect(g, "--reject-with");
      Token v = g.arg(0, "a reject type");
      with = RejectWith.byKeyword(v.text()).orElseThrow(() -> new LineSyntaxException(v,
          "unknown reject type '" + v.text() + "'", String.join(", ", RejectWith.keywords())));
    }
    return new Target.Reject(with);
  }

  private static Target dnat(Token name, List<OptionGroup> options) {
    Optional<NatRange> to = Optional.empty();
    boolean random = false;
    boolean persistent = false;
    for (OptionGroup g : options) {
      switch (g.option().text()) {
        case "--to-destination" -> to = Optional.of(natRange(g, to));
        case "--random" -> random = true;
        case "--persistent" -> persistent = true;
        default -> throw unknownOption(name, g, "--to-destination, --random or --persistent");
      }
    }
    return new Target.Dnat(to.orElseThrow(() -> missing(name, "--to-destination")), random, persistent);
  }

  private static Target snat(Token name, List<OptionGroup> options) {
    Optional<NatRange> to = Optional.empty();
    boolean random = false;
    boolean fully = false;
    boolean persistent = false;
    for (OptionGroup g : options) {
      switch (g.option().text()) {
        case "--to-source" -> to = Optional.of(natRange(g, to));
        case "--random" -> random = true;
        case "--random-fully" -> fully = true;
        case "--persistent" -> persistent = true;
        default -> throw unknownOption(name, g, "--to-source, --random, --random-fully or --persistent");
      }
    }
    return new Target.Snat(to.orElseThrow(() -> missing(name, "--to-source")), random, fully, persistent);
  }

  private static Target masquerade(Token name, List<OptionGroup> options) {
    Optional<PortRange> ports = Optional.empty();
    boolean random = false;
    boolean fully = false;
    for (OptionGroup g : options) {
      switch (g.option().text()) {
        case "--to-ports" -> ports = Optional.of(Values.portRange(g.arg(0, "a port range"), g.arg(0, "").text()));
        case "--random" -> random = true;
        case "--random-fully" -> fully = true;
        default -> throw unknownOption(name, g, "--to-ports, --random or --random-fully");
      }
    }
    return new Target.Masquerade(ports, random, fully);
  }

  private static NatRange natRange(OptionGroup g, Optional<NatRange> previous) {
    Token v = g.arg(0, "ADDRESS[-ADDRESS][:PORT[-PORT]]");
    if (previous.isPresent()) {
      throw new LineSyntaxException(g.option(), "more than one " + g.option().text(), "a single range");
    }
    try {
      NatRange r = NatRange.parse(v.text());
      if (r.first().isPresent() && !r.first().get().isIpv4()) {
        throw new LineSyntaxException(v, "IPv6 NAT address in an iptables (IPv4) dump", "an IPv4 address");
      }
      return r;
    } catch (InvalidValueException e) {
      throw new LineSyntaxException(v, "bad NAT range '" + v.text() + "'", e.expected());
    }
  }

  private static Target mark(Token name, List<OptionGroup> options) {
    if (options.size() != 1) {
      throw new LineSyntaxException(name, "MARK needs exactly one of its options",
          "one of --set-xmark, --set-mark, --or-mark, --and-mark, --xor-mark");
    }
    OptionGroup g = options.getFirst();
    long[] vm = Values.mark(g.arg(0, "a mark value"));
    boolean masked = g.args().getFirst().text().contains("/");
    return switch (g.option().text()) {
      case "--set-xmark" -> new Target.Mark(vm[0], vm[1]);
      case "--set-mark" -> Target.Mark.set(vm[0], vm[1]);
      case "--or-mark", "--and-mark", "--xor-mark" -> {
        if (masked) {
          throw new LineSyntaxException(g.args().getFirst(), g.option().text() + " takes no mask", "a value such as 0x4000");
        }
        yield g.option().text().equals("--or-mark") ? Target.Mark.or(vm[0])
            : g.option().text().equals("--and-mark") ? Target.Mark.and(vm[0]) : Target.Mark.xor(vm[0]);
      }
      default -> throw unknownOption(name, g, "--set-xmark, --set-mark, --or-mark, --and-mark or --xor-mark");
    };
  }

  /** LOG/NFLOG options are kept by name; defaults iptables-save leaves out are dropped so forms compare equal. */
  private static Target log(Token name, List<OptionGroup> options) {
    Map<String, String> out = new LinkedHashMap<>();
    for (OptionGroup g : options) {
      String key = g.name();
      if (!key.startsWith(name.text().equals("LOG") ? "log-" : "nflog-")) {
        throw unknownOption(name, g, name.text().equals("LOG") ? "--log-* options" : "--nflog-* options");
      }
      String value = g.args().isEmpty() ? "" : g.args().getFirst().text();
      if (key.equals("log-level")) {
        value = LOG_LEVELS.getOrDefault(value, value);
      }
      if (!(key.equals("log-level") && value.equals("4")) && !(key.equals("nflog-group") && value.equals("0"))) {
        out.put(key, value);
      }
    }
    return new Target.Log(name.text(), out);
  }

  private static void expect(OptionGroup g, String option) {
    if (!g.option().text().equals(option)) {
      throw new LineSyntaxException(g.option(), "unknown option " + g.option().text(), option);
    }
  }

  private static LineSyntaxException unknownOption(Token target, OptionGroup g, String expected) {
    return new LineSyntaxException(g.option(), "unknown " + target.text() + " option " + g.option().text(), expected);
  }

  private static LineSyntaxException missing(Token target, String option) {
    return new LineSyntaxException(target, target.text() + " needs " + option, option + " ...");
  }
}
