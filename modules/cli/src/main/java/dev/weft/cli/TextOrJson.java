package dev.weft.cli;

import java.io.PrintWriter;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code -o/--output/--format text|json}, mixed into commands whose result is a record with a text
 * renderer: JSON is the record as it is, text is the renderer's.
 */
public final class TextOrJson {
  @Spec(Spec.Target.MIXEE) CommandSpec spec;

  @Option(names = {"-o", "--output", "--format"}, defaultValue = "text", description = "text or json")
  OutputFormat format;

  /** Fails with a usage error (exit 2) for any other format; call it before doing the work. */
  public void check() {
    format.requireOneOf(spec, OutputFormat.TEXT, OutputFormat.JSON);
  }

  public <R> void print(R result, Function<R, String> text) {
    PrintWriter out = spec.commandLine().getOut();
    if (format == OutputFormat.JSON) {
      Json.write(out, result);
    } else {
      out.print(text.apply(result));
      out.flush();
    }
  }
}
