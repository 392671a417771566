package dev.weft.netfilter.render;

import java.util.List;

/** An {@code nft -f} script and what could not be translated into it (each a rule left out, or a renamed name). */
public record NftScript(String text, List<String> warnings) {
  public NftScript {
    warnings = List.copyOf(warnings);
  }
}
