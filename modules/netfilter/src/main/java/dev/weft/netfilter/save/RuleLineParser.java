package dev.weft.netfilter.save;

import dev.weft.model.netfilter.IpProtocol;
import dev.weft.model.netfilter.Match;
import dev.weft.model.value.Cidr;
import dev.weft.model.value.InvalidValueException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Reads the words of one rule after {@code -A CHAIN}: core options ({@code -s -d -i -o -p -f}), match
 * modules ({@code -m NAME options}, also the implicit protocol module of {@code -p tcp --dport 80}) and
 * the target. Comma lists in {@code -s}/{@code -d} expand to one rule per address pair, as iptables does.
 */
final class RuleLineParser {
  private static final Set<String> CORE = Set.of("-s", "--source", "--src", "-d", "--destination", "--dst", "-p",
      "--protocol", "-i", "--in-interface", "-o", "--out-interface", "-f", "--fragment", "-c", "--set-counters");
  private static final Set<String> STARTS = Set.of("-m", "--match", "-j", "--jump", "-g", "--goto");

  private final List<Token> tokens;
  private final BiConsumer<Token, String> warn;
  private int pos;
  private final List<Match> matches = new ArrayList<>();
  private List<Optional<Match>> sources = List.of(Optional.empty());
  private List<Optional<Match>> destinations = List.of(Optional.empty());
  private Optional<IpProtocol> protocol = Optional.empty();
  private boolean protocolNegated;
  private final List<Token> protocolModules = new ArrayList<>();
  private Optional<TargetSpec> target = Optional.empty();

  /** Every address-pair variant of the rule's matches, and its target. */
  record Parsed(List<List<Match>> variants, TargetSpec target) {}

  private RuleLineParser(List<Token> tokens, int from, BiConsumer<Token, String> warn) {
    this.tokens = tokens;
    this.pos = from;
    this.warn = warn;
  }

  static Parsed parse(List<Token> tokens, int from, BiConsumer<Token, String> warn) {
    return new RuleLineParser(tokens, from, warn).run();
  }

  private Parsed run() {
    while (pos < tokens.size()) {
      boolean negated = tokens.get(pos).is("!");
      if (negated && pos + 1 < tokens.size() && isCoreOrStart(tokens.get(pos + 1))) {
        pos++;
      } else if (negated || tokens.get(pos).isLongOption() && !isCoreOrStart(tokens.get(pos))) {
        implicitModule();
        continue;
      }
      Token opt = tokens.get(pos++);
      if (negated && STARTS.contains(opt.text())) {
        throw new LineSyntaxException(opt, "'!' cannot negate " + opt.text(), "'!' before a match option");
      }
      option(opt, negated);
    }
    checkProtocolModules();
    List<List<Match>> variants = new ArrayList<>();
    for (Optional<Match> s : sources) {
      for (Optional<Match> d : destinations) {
        List<Match> v = new ArrayList<>();
        s.ifPresent(v::add);
        d.ifPresent(v::add);
        v.addAll(matches);
        variants.add(v);
      }
    }
    return new Parsed(variants, target.orElse(new TargetSpec.Resolved(new dev.weft.model.netfilter.Target.CountOnly())));
  }

  private void option(Token opt, boolean negated) {
    switch (opt.text()) {
      case "-s", "--source", "--src" -> sources = addresses(opt, negated, true);
      case "-d", "--destination", "--dst" -> destinations = addresses(opt, negated, false);
      case "-i", "--in-interface" -> matches.add(neg(negated, new Match.InInterface(MatchModules.pattern(value(opt)))));
      case "-o", "--out-interface" -> matches.add(neg(negated, new Match.OutInterface(MatchModules.pattern(value(opt)))));
      case "-p", "--protocol" -> protocol(opt, negated);
      case "-f", "--fragment" -> matches.add(new Match.Unknown(negated ? List.of("!", "-f") : List.of("-f")));
      case "-c", "--set-counters" -> {
        value(opt);
        value(opt);
      }
      case "-m", "--match" -> module(value(opt));
      case "-j", "--jump", "-g", "--goto" -> jump(opt);
      default -> throw new LineSyntaxException(opt, "unexpected '" + opt.text() + "'",
          "a match option (-s, -d, -i, -o, -p, -m MODULE) or a target (-j, -g)");
    }
    if (opt.is("-f", "--fragment")) {
      warn.accept(opt, "'-f' (fragment match) is not interpreted");
    }
  }

  private List<Optional<Match>> addresses(Token opt, boolean negated, boolean source) {
    Token v = value(opt);
    List<Cidr> list = Values.addresses(v);
    if (negated && list.size() > 1) {
      throw new LineSyntaxException(v, "'!' cannot negate a list of addresses", "a single address after '!'");
    }
    return list.stream().map(c -> Optional.of(neg(negated, source ? new Match.Source(c) : new Match.Destination(c))))
        .toList();
  }

  private void protocol(Token opt, boolean negated) {
    Token v = value(opt);
    try {
      protocol = IpProtocol.parse(v.text());
    } catch (InvalidValueException e) {
      throw new LineSyntaxException(v, "unknown protocol '" + v.text() + "'", e.expected());
    }
    protocolNegated = negated;
    protocol.ifPresent(p -> matches.add(neg(negated, new Match.Protocol(p))));
  }

  private void module(Token name) {
    List<OptionGroup> groups = groups(name.text());
    if (MatchModules.PORT_MODULES.contains(name.text()) || name.is("multiport", "icmp")) {
      protocolModules.add(name);
    }
    matches.addAll(MatchModules.parse(name, groups, msg -> warn.accept(name, msg)));
  }

  /** {@code -p tcp --dport 80}: iptables loads the protocol's own module for options it does not know. */
  private void implicitModule() {
    Token at = tokens.get(pos);
    String proto = protocol.map(IpProtocol::toString).orElse("");
    if (!MatchModules.PORT_MODULES.contains(proto) && !proto.equals("icmp")) {
      Token opt = at.is("!") && pos + 1 < tokens.size() ? tokens.get(pos + 1) : at;
      throw new LineSyntaxException(opt, "unknown option '" + opt.text() + "'",
          "-m MODULE before module options, or -p tcp/udp/sctp/icmp before --sport/--dport/--icmp-type");
    }
    module(new Token(proto, at.column()));
  }

  private void jump(Token opt) {
    Token name = value(opt);
    if (target.isPresent()) {
      throw new LineSyntaxException(opt, "a rule has one target", "a single -j or -g");
    }
    target = Optional.of(Targets.parse(name, groups(name.text()), opt.is("-g", "--goto")));
  }

  /** The {@code [!] --option values} groups up to the next core option, {@code -m}, {@code -j} or {@code -g}. */
  private List<OptionGroup> groups(String owner) {
    List<OptionGroup> out = new ArrayList<>();
    while (pos < tokens.size() && !atBoundary()) {
      boolean negated = tokens.get(pos).is("!");
      if (negated) {
        pos++;
      }
      if (pos >= tokens.size() || !tokens.get(pos).isLongOption()) {
        Token at = tokens.get(Math.min(pos, tokens.size() - 1));
        throw new LineSyntaxException(at, "expected an option of " + owner + ", found '" + at.text() + "'",
            "--OPTION [VALUE]");
      }
      Token opt = tokens.get(pos++);
      OptionalInt arity = MatchModules.arity(owner, opt.text());
      if (arity.isEmpty()) {
        arity = Targets.arity(owner, opt.text());
      }
      List<Token> args = new ArrayList<>();
      while (pos < tokens.size() && (arity.isPresent() ? args.size() < arity.getAsInt()
          : !atBoundary() && !tokens.get(pos).isLongOption() && !tokens.get(pos).is("!"))) {
        args.add(tokens.get(pos++));
      }
      out.add(new OptionGroup(negated, opt, args));
    }
    return out;
  }

  private boolean atBoundary() {
    Token t = tokens.get(pos);
    return isCoreOrStart(t) || (t.is("!") && pos + 1 < tokens.size() && isCoreOrStart(tokens.get(pos + 1)));
  }

  private static boolean isCoreOrStart(Token t) {
    return CORE.contains(t.text()) || STARTS.contains(t.text());
  }

  private Token value(Token opt) {
    if (pos >= tokens.size()) {
      throw new LineSyntaxException(opt, opt.text() + " needs a value", "a value after " + opt.text());
    }
    return tokens.get(pos++);
  }

  private void checkProtocolModules() {
    for (Token m : protocolModules) {
      boolean ok = !protocolNegated && protocol.isPresent() && switch (m.text()) {
        case "multiport" -> protocol.get().hasPorts();
        default -> protocol.get().toString().equals(m.text());
      };
      if (!ok) {
        String need = m.is("multiport") ? "-p tcp, udp, udplite, sctp or dccp" : "-p " + m.text();
        throw new LineSyntaxException(m, "match '" + m.text() + "' needs " + need + " (not negated)", need);
      }
    }
  }

  private static Match neg(boolean negated, Match m) {
    return negated ? new Match.Not(m) : m;
  }
}
