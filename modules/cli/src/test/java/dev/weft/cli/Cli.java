package dev.weft.cli;

import dev.weft.cli.lab.LabEnvironment;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process and captures what a user would see. */
final class Cli {
  record Result(int exitCode, String out, String err) {}

  private Cli() {}

  static Result run(String... args) {
    return run(LabEnvironment.system(), args);
  }

  /** With lab records and privileges of the test's choosing. */
  static Result run(LabEnvironment lab, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(lab, new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }
}
