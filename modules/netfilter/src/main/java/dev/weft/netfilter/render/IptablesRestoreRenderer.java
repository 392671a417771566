package dev.weft.netfilter.render;

import dev.weft.model.netfilter.Chain;
import dev.weft.model.netfilter.IpProtocol;
import dev.weft.model.netfilter.Match;
import dev.weft.model.netfilter.NetfilterTable;
import dev.weft.model.netfilter.Rule;
import dev.weft.model.netfilter.Ruleset;
import dev.weft.model.netfilter.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes a rule set as {@code iptables-restore} input in the layout iptables-save uses: one block per
 * table that differs from the default, built-in chains then user chains with zero counters, one
 * {@code -A} line per rule, {@code COMMIT}. Parsing the output gives back the same rule set.
 */
public final class IptablesRestoreRenderer {

  public String render(Ruleset ruleset) {
    StringBuilder sb = new StringBuilder();
    for (NetfilterTable t : ruleset.tables().values()) {
      sb.append('*').append(t.table().keyword()).append('\n');
      for (Chain c : t.chains().values()) {
        sb.append(':').append(c.name()).append(' ').append(c.policy().map(Enum::name).orElse("-"))
            .append(" [0:0]\n");
      }
      for (Chain c : t.chains().values()) {
        for (Rule r : c.rules()) {
          sb.append("-A ").append(c.name()).append(rule(r)).append('\n');
        }
      }
      sb.append("COMMIT\n");
    }
    return sb.toString();
  }

  /** The words of a rule after {@code -A CHAIN}, each preceded by a space. */
  public String rule(Rule rule) {
    List<String> words = new ArrayList<>();
    for (Match m : rule.matches()) {
      words.addAll(match(m, rule.protocol()));
    }
    words.addAll(target(rule.target()));
    StringBuilder sb = new StringBuilder();
    words.forEach(w -> sb.append(' ').append(w));
    return sb.toString();
  }

  static List<String> match(Match m, Optional<IpProtocol> protocol) {
    boolean neg = m instanceof Match.Not;
    Match inner = m instanceof Match.Not(Match x) ? x : m;
    List<String> out = new ArrayList<>();
    String bang = neg ? "!" : "";
    switch (inner) {
      case Match.Source s -> add(out, bang, "-s", s.cidr().toString());
      case Match.Destination d -> add(out, bang, "-d", d.cidr().toString());
      case Match.InInterface i -> add(out, bang, "-i", i.pattern().text());
      case Match.OutInterface o -> add(out, bang, "-o", o.pattern().text());
      case Match.Protocol p -> add(out, bang, "-p", p.protocol().toString());
      case Match.SourcePorts p -> ports(out, bang, protocol, "--sport", "--sports", p.ranges());
      case Match.DestinationPorts p -> ports(out, bang, protocol, "--dport", "--dports", p.ranges());
      case Match.EitherPorts p -> module(out, "multiport", bang, "--ports", PortText.list(p.ranges()));
      case Match.IcmpType t -> module(out, "icmp", bang, "--icmp-type", icmp(t));
      case Match.CtState s -> module(out, "conntrack", bang, "--ctstate",
          String.join(",", s.states().stream().map(Enum::name).toList()));
      case Match.SetMembership s -> module(out, "set", bang, "--match-set", Quoting.word(s.setName()),
          String.join(",", s.dimensions().stream().map(d -> d.keyword()).toList()));
      case Match.Mark k -> module(out, "mark", bang, "--mark", MarkText.valueMask(k.value(), k.mask()));
      case Match.AddrType a -> module(out, "addrtype", bang, "--" + a.side().keyword() + "-type",
          String.join(",", a.types().stream().map(Enum::name).toList()));
      case Match.Random r -> {
        out.addAll(List.of("-m", "statistic", "--mode", "random"));
        add(out, bang, "--probability", PortText.probability(r));
      }
      case Match.Nth n -> {
        out.addAll(List.of("-m", "statistic", "--mode", "nth"));
        add(out, bang, "--every", Integer.toString(n.every()));
        if (n.packet() != 0) {
          out.addAll(List.of("--packet", Integer.toString(n.packet())));
        }
      }
      case Match.Limit l -> {
        out.addAll(List.of("-m", "limit", "--limit", l.rate()));
        if (l.burst() != Match.Limit.DEFAULT_BURST) {
          out.addAll(List.of("--limit-burst", Integer.toString(l.burst())));
        }
      }
      case Match.Comment c -> out.addAll(List.of("-m", "comment", "--comment", Quoting.saveString(c.text())));
      case Match.PhysdevIn p -> module(out, "physdev", bang, "--physdev-in", p.pattern().text());
      case Match.PhysdevOut p -> module(out, "physdev", bang, "--physdev-out", p.pattern().text());
      case Match.PhysdevIsIn p -> module(out, "physdev", bang, "--physdev-is-in");
      case Match.PhysdevIsOut p -> module(out, "physdev", bang, "--physdev-is-out");
      case Match.PhysdevIsBridged p -> module(out, "physdev", bang, "--physdev-is-bridged");
      case Match.Unknown u -> u.tokens().forEach(t -> out.add(Quoting.word(t)));
      case Match.Not n -> throw new IllegalStateException("double negation cannot be constructed");
    }
    return out;
  }

  private static void ports(List<String> out, String bang, Optional<IpProtocol> protocol, String single,
      String multi, List<dev.weft.model.value.PortRange> ranges) {
    if (ranges.size() == 1) {
      module(out, protocol.orElseThrow().toString(), bang, single, PortText.range(ranges.getFirst()));
    } else {
      module(out, "multiport", bang, multi, PortText.list(ranges));
    }
  }

  private static void module(List<String> out, String module, String bang, String option, String... values) {
    out.add("-m");
    out.add(module);
    add(out, bang, option, values);
  }

  private static void add(List<String> out, String bang, String option, String... values) {
    if (!bang.isEmpty()) {
      out.add(bang);
    }
    out.add(option);
    out.addAll(List.of(values));
  }

  private static String icmp(Match.IcmpType t) {
    if (t.type() == Match.IcmpType.ANY && t.allCodes()) {
      return "any";
    }
    return t.allCodes() ? Integer.toString(t.type()) : t.type() + "/" + t.codeMin();
  }

  static List<String> target(Target t) {
    return switch (t) {
      case Target.Accept a -> List.of("-j", "ACCEPT");
      case Target.Drop d -> List.of("-j", "DROP");
      case Target.Return r -> List.of("-j", "RETURN");
      case Target.Reject r -> List.of("-j", "REJECT", "--reject-with", r.with().keyword());
      case Target.Jump j -> List.of("-j", j.chain().value());
      case Target.Goto g -> List.of("-g", g.chain().value());
      case Target.Dnat d -> flags(List.of("-j", "DNAT", "--to-destination", d.to().toString()),
          d.random() ? "--random" : "", d.persistent() ? "--persistent" : "");
      case Target.Snat s -> flags(List.of("-j", "SNAT", "--to-source", s.to().toString()),
          s.random() ? "--random" : "", s.randomFully() ? "--random-fully" : "", s.persistent() ? "--persistent" : "");
      case Target.Masquerade m -> flags(m.toPorts().map(p -> List.of("-j", "MASQUERADE", "--to-ports",
              p.isSingle() ? Integer.toString(p.first()) : p.first() + "-" + p.last())).orElse(List.of("-j", "MASQUERADE")),
          m.random() ? "--random" : "", m.randomFully() ? "--random-fully" : "");
      case Target.Mark m -> List.of("-j", "MARK", "--set-xmark", MarkText.hex(m.value()) + "/" + MarkText.hex(m.mask()));
      case Target.Log l -> log(l);
      case Target.CountOnly c -> List.of();
      case Target.Unknown u -> {
        List<String> out = new ArrayList<>(List.of("-j"));
        u.tokens().forEach(w -> out.add(Quoting.word(w)));
        yield out;
      }
    };
  }

  private static List<String> flags(List<String> base, String... flags) {
    List<String> out = new ArrayList<>(base);
    for (String f : flags) {
      if (!f.isEmpty()) {
        out.add(f);
      }
    }
    return out;
  }

  private static List<String> log(Target.Log l) {
    List<String> out = new ArrayList<>(List.of("-j", l.kind()));
    l.options().forEach((k, v) -> {
      out.add("--" + k);
      if (!v.isEmpty()) {
        out.add(Quoting.saveString(v));
      }
    });
    return out;
  }
}
