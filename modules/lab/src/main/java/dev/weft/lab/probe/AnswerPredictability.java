package dev.weft.lab.probe;

import dev.weft.model.NetworkModel;
import dev.weft.model.netfilter.Chain;
import dev.weft.model.netfilter.Match;
import dev.weft.model.netfilter.NetfilterTable;
import dev.weft.model.netfilter.Rule;
import dev.weft.model.netfilter.Ruleset;
import dev.weft.model.netfilter.Table;
import dev.weft.model.netfilter.Target;
import java.util.List;
import java.util.Optional;

/**
 * Whether the simulator can predict the answers of a model's probes. It traces each packet on its own,
 * so an answer is traced as a fresh packet from the destination back to the source address: right for
 * stateless rules, wrong when a rule matches on connection state (the kernel's answer is ESTABLISHED) or
 * translates addresses (the kernel's answer goes to the translated address and is translated back).
 * Then answers are reported but not compared, and the report says why.
 */
final class AnswerPredictability {
  private AnswerPredictability() {}

  /** Empty when answers can be compared; otherwise the reason, naming a namespace. */
  static Optional<String> whyNot(NetworkModel model) {
    for (var ns : model.namespaces()) {
      Ruleset r = model.ruleset(ns.name());
      if (!r.table(Table.NAT).isDefault()) {
        return Optional.of(ns.name() + " translates addresses (nat table)");
      }
      for (NetfilterTable t : r.tables().values()) {
        for (Chain c : t.chains().values()) {
          for (Rule rule : c.rules()) {
            if (stateful(rule)) {
              return Optional.of(ns.name() + " has a rule on connection state (" + t.table().keyword() + " " + c.name() + ")");
            }
          }
        }
      }
    }
    return Optional.empty();
  }

  private static boolean stateful(Rule rule) {
    List<Match> matches = rule.matches();
    boolean ct = matches.stream().anyMatch(m -> m instanceof Match.CtState || m instanceof Match.Not(Match.CtState c));
    boolean nat = rule.target() instanceof Target.Dnat || rule.target() instanceof Target.Snat
        || rule.target() instanceof Target.Masquerade;
    return ct || nat;
  }
}
