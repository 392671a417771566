package dev.weft.cli.verify;

import dev.weft.cli.InvalidInputException;
import dev.weft.document.Diagnostic;
import dev.weft.policy.analysis.ConnectivityEngine;
import dev.weft.policy.verify.Assertion;
import dev.weft.policy.verify.AssertionChecker;
import dev.weft.policy.verify.AssertionReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code weft verify assert}: checks a file of expectations; exit 3 when one fails. */
@Command(name = "assert", mixinStandardHelpOptions = true,
    description = {"Check connectivity expectations, such as 'prod must not reach dev'.",
        "The assertions format is described in docs/verify.md."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every assertion holds", "2:invalid input", "3:at least one assertion fails"})
final class VerifyAssertCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ManifestInputs inputs;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Manifest files or directories.")
  List<Path> paths;

  @Option(names = "--assertions", required = true, paramLabel = "FILE", description = "YAML list of assertions.")
  Path assertions;

  @Option(names = "--junit", paramLabel = "FILE", description = "Also write the results as JUnit XML.")
  Optional<Path> junit = Optional.empty();

  @Override
  public Integer call() {
    List<Assertion> expected = switch (new AssertionReader().read(assertions)) {
      case AssertionReader.Result.Read read -> read.assertions();
      case AssertionReader.Result.Invalid invalid ->
          throw new InvalidInputException(invalid.diagnostics().stream().map(Diagnostic::format).toList());
    };
    var cluster = inputs.load(paths, spec.commandLine().getErr());
    AssertionChecker.Report report = new AssertionChecker(ConnectivityEngine.build(cluster)).check(expected);
    spec.commandLine().getOut().print(AssertionChecker.renderText(report));
    spec.commandLine().getOut().flush();
    junit.ifPresent(file -> write(file, AssertionChecker.renderJunit(report, assertions.getFileName().toString())));
    return report.exitCode();
  }

  private static void write(Path file, String xml) {
    try {
      Files.writeString(file, xml, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
