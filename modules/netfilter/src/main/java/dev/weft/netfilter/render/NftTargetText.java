package dev.weft.netfilter.render;

import dev.weft.model.netfilter.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A target as an nft statement. */
final class NftTargetText {
  private static final String[] LEVELS = {"emerg", "alert", "crit", "err", "warn", "notice", "info", "debug"};
  private final NftNames chains;

  NftTargetText(NftNames chains) {
    this.chains = chains;
  }

  String statement(Target t) throws NftUntranslatable {
    return switch (t) {
      case Target.Accept a -> "accept";
      case Target.Drop d -> "drop";
      case Target.Return r -> "return";
      case Target.Reject r -> "reject with " + r.with().nft();
      case Target.Jump j -> "jump " + chains.of(j.chain().value());
      case Target.Goto g -> "goto " + chains.of(g.chain().value());
      case Target.Dnat d -> nat("dnat to " + d.to(), d.random() ? "random" : "", d.persistent() ? "persistent" : "");
      case Target.Snat s -> nat("snat to " + s.to(), s.random() ? "random" : "", s.randomFully() ? "fully-random" : "",
          s.persistent() ? "persistent" : "");
      case Target.Masquerade m -> nat("masquerade" + m.toPorts().map(p -> " to :" + (p.isSingle() ? p.first()
          : p.first() + "-" + p.last())).orElse(""), m.random() ? "random" : "", m.randomFully() ? "fully-random" : "");
      case Target.Mark m -> mark(m);
      case Target.Log l -> log(l);
      case Target.CountOnly c -> "counter";
      case Target.Unknown u -> throw new NftUntranslatable("target '" + u.text() + "' is not interpreted");
    };
  }

  private static String nat(String base, String... flags) {
    List<String> set = new ArrayList<>();
    for (String f : flags) {
      if (!f.isEmpty()) {
        set.add(f);
      }
    }
    return set.isEmpty() ? base : base + " " + String.join(",", set);
  }

  /** (mark & ~mask) ^ value, in the shortest form nft has. */
  private static String mark(Target.Mark m) {
    long keep = ~m.mask() & MarkText.ALL;
    if (m.mask() == MarkText.ALL) {
      return "meta mark set " + MarkText.hex(m.value());
    }
    if (m.value() == m.mask()) {
      return "meta mark set meta mark or " + MarkText.hex(m.value());
    }
    if (m.value() == 0) {
      return "meta mark set meta mark and " + MarkText.hex(keep);
    }
    if (m.mask() == 0) {
      return "meta mark set meta mark xor " + MarkText.hex(m.value());
    }
    return "meta mark set meta mark and " + MarkText.hex(keep) + " xor " + MarkText.hex(m.value());
  }

  private static String log(Target.Log l) {
    Map<String, String> o = l.options();
    StringBuilder sb = new StringBuilder("log");
    if (l.kind().equals("NFLOG")) {
      sb.append(" group ").append(o.getOrDefault("nflog-group", "0"));
      if (o.containsKey("nflog-prefix")) {
        sb.append(" prefix ").append(Quoting.nftString(o.get("nflog-prefix")));
      }
      return sb.toString();
    }
    if (o.containsKey("log-prefix")) {
      sb.append(" prefix ").append(Quoting.nftString(o.get("log-prefix")));
    }
    String level = o.getOrDefault("log-level", "4");
    if (level.matches("[0-7]") && !level.equals("4")) {
      sb.append(" level ").append(LEVELS[Integer.parseInt(level)]);
    }
    return sb.toString();
  }
}
