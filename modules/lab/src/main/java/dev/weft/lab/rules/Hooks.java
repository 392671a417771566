package dev.weft.lab.rules;

import dev.weft.linux.netfilter.IptablesHook;
import dev.weft.model.netfilter.Chain;
import dev.weft.model.netfilter.NetfilterTable;
import dev.weft.model.netfilter.Rule;
import dev.weft.model.netfilter.Ruleset;
import dev.weft.model.netfilter.Target;
import java.util.ArrayList;
import java.util.List;

/** The hooks a kernel-view rule set implies: each jump from a built-in chain to a weft chain. */
public final class Hooks {
  private Hooks() {}

  public static List<IptablesHook> of(Ruleset kernel) {
    List<IptablesHook> out = new ArrayList<>();
    for (NetfilterTable t : kernel.tables().values()) {
      for (Chain c : t.chains().values()) {
        if (!c.isBuiltin()) {
          continue;
        }
        for (Rule r : c.rules()) {
          if (r.target() instanceof Target.Jump j && r.matches().isEmpty()) {
            out.add(new IptablesHook(t.table().keyword(), c.name().value(), j.chain().value()));
          }
        }
      }
    }
    return out;
  }
}
