package dev.weft.topology.convert;

import dev.weft.document.Diagnostic;
import dev.weft.document.Diagnostics;
import dev.weft.document.Located;
import dev.weft.document.Location;
import dev.weft.document.Origin;
import dev.weft.model.netfilter.Ruleset;
import dev.weft.netfilter.save.IpsetSaveParser;
import dev.weft.netfilter.save.IptablesSaveException;
import dev.weft.netfilter.save.IptablesSaveParser;
import dev.weft.netfilter.save.ParsedRuleset;
import dev.weft.topology.TopologyProblem;
import dev.weft.topology.spec.ChainsSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Turns a namespace's {@code chains:} into a rule set with the netfilter module's iptables-save parser.
 * Problems in inline text are moved onto the YAML file's lines; problems in files keep their own file.
 * Rules weft cannot interpret come back as warnings and stay in the rule set as unknown.
 */
final class ChainsConverter {
  private final IptablesSaveParser rules = new IptablesSaveParser();
  private final IpsetSaveParser ipsets = new IpsetSaveParser();

  /** The rule set, or empty once the reasons it cannot be read are reported. */
  Optional<Ruleset> convert(ChainsSpec spec, Diagnostics diagnostics) {
    return switch (spec) {
      case ChainsSpec.Inline inline -> inline(inline, diagnostics);
      case ChainsSpec.Files files -> files(files, diagnostics);
    };
  }

  private Optional<Ruleset> inline(ChainsSpec.Inline spec, Diagnostics diagnostics) {
    String file = spec.origin().location().file();
    try {
      ParsedRuleset parsed = rules.parse(file, spec.text());
      parsed.warnings().forEach(w -> diagnostics.add(inYaml(w, spec)));
      return Optional.of(parsed.ruleset());
    } catch (IptablesSaveException e) {
      e.problems().forEach(p -> diagnostics.add(inYaml(p, spec)));
      return Optional.empty();
    }
  }

  private Optional<Ruleset> files(ChainsSpec.Files spec, Diagnostics diagnostics) {
    Optional<Path> rulesFile = resolve(spec.rules(), diagnostics);
    Optional<Path> setsFile = spec.ipsets().flatMap(s -> resolve(s, diagnostics));
    if (rulesFile.isEmpty() || (spec.ipsets().isPresent() && setsFile.isEmpty())) {
      return Optional.empty();
    }
    try {
      ParsedRuleset parsed = rules.parse(rulesFile.get());
      diagnostics.addAll(parsed.warnings());
      Ruleset ruleset = parsed.ruleset();
      if (setsFile.isPresent()) {
        IpsetSaveParser.ParsedIpsets sets = ipsets.parse(setsFile.get());
        diagnostics.addAll(sets.warnings());
        ruleset = ruleset.withIpsets(sets.sets());
      }
      return Optional.of(ruleset);
    } catch (IptablesSaveException e) {
      diagnostics.addAll(e.problems());
      return Optional.empty();
    }
  }

  /** A path written in the YAML, relative to the YAML file's directory. */
  private static Optional<Path> resolve(Located<String> written, Diagnostics diagnostics) {
    Path yaml = Path.of(written.origin().location().file());
    Path dir = yaml.toAbsolutePath().getParent();
    Path file = dir == null ? Path.of(written.value()) : dir.resolve(written.value());
    if (!Files.isRegularFile(file)) {
      diagnostics.error(TopologyProblem.UNKNOWN_REFERENCE, written.origin(), "no such file: " + file,
          "a path relative to " + (dir == null ? "the working directory" : dir));
      return Optional.empty();
    }
    return Optional.of(file);
  }

  /** The same problem, at the YAML line that holds the offending rule line. */
  private static Diagnostic inYaml(Diagnostic d, ChainsSpec.Inline spec) {
    Location at = d.location();
    int line = at.line() == 0 ? spec.origin().location().line() : spec.firstLine() + at.line() - 1;
    int column = at.line() == 0 ? spec.origin().location().column() : Math.max(1, at.column());
    Origin origin = new Origin(new Location(at.file(), line, column), spec.origin().path());
    return new Diagnostic(d.severity(), d.kind(), origin.location(), origin.path(), "chains: " + d.message(),
        d.expected(), d.hint());
  }
}
