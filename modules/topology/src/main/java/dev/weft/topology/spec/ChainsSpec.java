package dev.weft.topology.spec;

import dev.weft.document.Located;
import dev.weft.document.Origin;
import java.util.Optional;

/** The iptables rule set of a namespace: iptables-save text written in the YAML, or files beside it. */
public sealed interface ChainsSpec {
  Origin origin();

  /**
   * Rules written inline, as a YAML block scalar holding iptables-save text.
   *
   * @param firstLine the YAML line of the text's first line, so that problems point into the YAML file
   */
  record Inline(String text, int firstLine, Origin origin) implements ChainsSpec {}

  /** Rules in an iptables-save file and, optionally, ipset contents in an {@code ipset save} file. */
  record Files(Located<String> rules, Optional<Located<String>> ipsets, Origin origin) implements ChainsSpec {}
}
