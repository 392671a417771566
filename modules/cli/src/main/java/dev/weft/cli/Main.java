package dev.weft.cli;

import dev.weft.cli.lab.LabEnvironment;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point: wires the command tree and the error mapper, then exits with the command's code. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /** Runs weft with the given streams; used by {@link #main} and by tests. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(LabEnvironment.system(), out, err, args);
  }

  /** Runs weft with the lab records and privileges given (tests inject their own). */
  public static int run(LabEnvironment lab, PrintWriter out, PrintWriter err, String... args) {
    CommandLine cmd = commandLine(lab);
    cmd.setOut(out);
    cmd.setErr(err);
    int code = cmd.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  static CommandLine commandLine() {
    return commandLine(LabEnvironment.system());
  }

  static CommandLine commandLine(LabEnvironment lab) {
    CliErrors errors = new CliErrors();
    CommandLine cmd = new CommandLine(WeftCommand.class, new CommandFactory(lab));
    cmd.setExecutionExceptionHandler(errors);
    cmd.setParameterExceptionHandler(errors);
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    return cmd;
  }
}
