package dev.weft.cli;

/**
 * A command cannot do what was asked for a reason outside weft that the user can fix (an endpoint that
 * does not answer, a lab that is not there). The CLI prints the message as one line and exits with
 * {@link ExitCode#INVALID_INPUT}; the stack trace only with {@code --debug}.
 */
public final class RefusedException extends RuntimeException {
  public RefusedException(String message) {
    super(message);
  }

  public RefusedException(String message, Throwable cause) {
    super(message, cause);
  }
}
