package dev.weft.cli;

import dev.weft.cli.view.ModelSummary;
import dev.weft.document.Diagnostic;
import dev.weft.model.NetworkModel;
import dev.weft.topology.TopologyLoad;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code weft check FILE…}: validates topologies, printing every error and warning. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Validate topology files and print their errors and warnings.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every file is valid (warnings allowed)", "2:at least one file is invalid"})
final class CheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Topology YAML files.")
  List<Path> files;

  @Option(names = {"-o", "--output", "--format"}, defaultValue = "text", description = "text or json")
  OutputFormat format;

  /** One file's outcome, the JSON form of this command. */
  record FileResult(String file, boolean valid, String summary, List<Diagnostic> diagnostics) {}

  @Override
  public Integer call() {
    format.requireOneOf(spec, OutputFormat.TEXT, OutputFormat.JSON);
    TopologyFiles topologies = new TopologyFiles();
    List<FileResult> results = new ArrayList<>();
    for (Path file : files) {
      results.add(switch (topologies.check(file)) {
        case TopologyLoad.Loaded l -> new FileResult(file.toString(), true, summary(l.model()), l.warnings());
        case TopologyLoad.Invalid i -> new FileResult(file.toString(), false, "", i.diagnostics());
      });
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format == OutputFormat.JSON) {
      Json.write(out, results);
    } else {
      print(results, out, spec.commandLine().getErr());
    }
    return results.stream().allMatch(FileResult::valid) ? ExitCode.OK : ExitCode.INVALID_INPUT;
  }

  private static void print(List<FileResult> results, PrintWriter out, PrintWriter err) {
    for (FileResult r : results) {
      r.diagnostics().forEach(d -> err.println(d.format()));
      long errors = r.diagnostics().stream().filter(Diagnostic::isError).count();
      long warnings = r.diagnostics().size() - errors;
      if (r.valid()) {
        out.printf("%s: ok, %s%s%n", r.file(), r.summary(), warnings == 0 ? "" : ", " + plural(warnings, "warning"));
      } else {
        out.printf("%s: invalid, %s%s%n", r.file(), plural(errors, "error"),
            warnings == 0 ? "" : ", " + plural(warnings, "warning"));
      }
    }
    out.flush();
    err.flush();
  }

  static String summary(NetworkModel m) {
    return plural(m.hosts().size(), "host") + ", " + plural(m.namespaces().size(), "namespace") + ", "
        + plural(m.allInterfaces().size(), "interface");
  }

  static String plural(long n, String word) {
    return ModelSummary.count((int) n, word);
  }
}
