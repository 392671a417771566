package dev.weft.cli;

import dev.weft.dataplane.DataplaneStartException;
import dev.weft.dataplane.plan.PlanException;
import dev.weft.lab.LabException;
import dev.weft.linux.error.DriverException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one mapper from failures to messages and exit codes. Users never see a stack trace unless they pass
 * {@code --debug}.
 */
final class CliErrors implements IExecutionExceptionHandler, IParameterExceptionHandler {

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    boolean debug = isDebug(parsed);
    Throwable cause = ex instanceof CommandLine.ExecutionException && ex.getCause() != null ? ex.getCause() : ex;
    Optional<List<String>> userLines = userFacing(cause);
    if (userLines.isPresent()) {
      userLines.get().forEach(err::println);
      if (debug) {
        cause.printStackTrace(err);
      }
      err.flush();
      return ExitCode.INVALID_INPUT;
    }
    err.println("weft: internal error: " + describe(cause));
    if (debug) {
      cause.printStackTrace(err);
    } else {
      err.println("weft: run again with --debug to see the stack trace, and please report it");
    }
    err.flush();
    return ExitCode.INTERNAL_ERROR;
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println("weft: " + ex.getMessage());
    if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, err)) {
      err.println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
    }
    err.flush();
    return ExitCode.INVALID_INPUT;
  }

  /**
   * The lines for a failure the user can act on, exit 2: invalid input (each problem already names its
   * file and field), or a refusal that is not a weft bug: not root, a kernel without a driver, a lab in the
   * way, a kernel refusal, a busy port, an endpoint that does not answer (one line).
   */
  private static Optional<List<String>> userFacing(Throwable t) {
    if (t instanceof InvalidInputException invalid) {
      return Optional.of(invalid.problems());
    }
    boolean refusal = t instanceof LabException || t instanceof DriverException || t instanceof PlanException
        || t instanceof DataplaneStartException || t instanceof RefusedException;
    return refusal ? Optional.of(List.of("weft: " + t.getMessage())) : Optional.empty();
  }

  private static boolean isDebug(ParseResult parsed) {
    for (ParseResult pr = parsed; pr != null; pr = pr.hasSubcommand() ? pr.subcommand() : null) {
      if (pr.hasMatchedOption("--debug")) {
        return true;
      }
    }
    return false;
  }

  private static String describe(Throwable t) {
    String msg = t.getMessage();
    return t.getClass().getSimpleName() + (msg == null || msg.isBlank() ? "" : ": " + msg);
  }
}
