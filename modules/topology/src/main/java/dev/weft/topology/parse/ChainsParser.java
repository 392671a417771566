package dev.weft.topology.parse;

import dev.weft.document.DocNode;
import dev.weft.document.DocumentProblem;
import dev.weft.document.Element;
import dev.weft.document.MapReader;
import dev.weft.topology.spec.ChainsSpec;
import java.util.Optional;

/** Reads {@code chains:}: iptables-save text, or {@code {file: PATH, ipsets: PATH}}. */
final class ChainsParser {
  private static final String EXPECTED =
      "iptables-save text (a block scalar: chains: |) or {file: RULES.iptables-save, ipsets: SETS.ipset}";

  Optional<ChainsSpec> chains(Element e) {
    if (e.node() instanceof DocNode.DocScalar scalar && !scalar.isNull()) {
      // a block scalar's text starts on the line after its '|' indicator
      int first = scalar.text().contains("\n") ? e.location().line() + 1 : e.location().line();
      return Optional.of(new ChainsSpec.Inline(scalar.text(), first, e.origin()));
    }
    if (e.node() instanceof DocNode.DocMap) {
      return e.map(Keys.CHAINS).flatMap(this::files);
    }
    e.error(DocumentProblem.WRONG_TYPE, "chains must be rule text or files, not " + e.node().description(), EXPECTED);
    return Optional.empty();
  }

  private Optional<ChainsSpec> files(MapReader m) {
    var rules = m.requireLocated("file", x -> x, "the path of an iptables-save file, relative to this YAML file");
    var ipsets = m.located("ipsets", x -> x);
    return rules.map(r -> new ChainsSpec.Files(r, ipsets, m.origin()));
  }
}
