package dev.weft.cli.verify;

import dev.weft.cli.InvalidInputException;
import dev.weft.document.Diagnostic;
import dev.weft.model.value.Cidr;
import dev.weft.policy.manifest.ManifestLoad;
import dev.weft.policy.manifest.ManifestLoader;
import dev.weft.policy.model.Cluster;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The manifest options every verify command shares, and loading them into a cluster. */
public final class ManifestInputs {
  @Option(names = "--pod-cidr", paramLabel = "CIDR", converter = CidrConverter.class,
      description = "Pod network for pods without status.podIP (default 10.244.0.0/16).")
  Optional<Cidr> podCidr = Optional.empty();

  /** Reads {@code paths}; warnings go to {@code err}, errors become exit code 2. */
  Cluster load(List<Path> paths, PrintWriter err) {
    ManifestLoader loader = podCidr.map(ManifestLoader::new).orElseGet(ManifestLoader::new);
    return switch (loader.load(paths)) {
      case ManifestLoad.Loaded loaded -> {
        loaded.diagnostics().forEach(d -> err.println(d.format()));
        err.flush();
        yield loaded.cluster();
      }
      case ManifestLoad.Invalid invalid ->
          throw new InvalidInputException(invalid.diagnostics().stream().map(Diagnostic::format).toList());
    };
  }
}
