package dev.weft.cli;

/** Every exit code weft uses, named in one place. */
public final class ExitCode {
  /** Success. */
  public static final int OK = 0;
  /** A bug in weft (an unexpected exception). */
  public static final int INTERNAL_ERROR = 1;
  /** The user's input is invalid: a file, an option, a manifest. */
  public static final int INVALID_INPUT = 2;
  /** The command ran and a check it performs found a problem (a failed assertion, a denied flow, a mismatch). */
  public static final int CHECK_FAILED = 3;

  private ExitCode() {}
}
