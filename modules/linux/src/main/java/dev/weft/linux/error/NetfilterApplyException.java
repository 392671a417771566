package dev.weft.linux.error;

import java.util.Optional;

/**
 * {@code nft -f} or {@code iptables-restore} refused a rule set, or a rule set tried to touch a table or
 * chain weft does not own. Nothing was applied: both tools commit all or nothing.
 */
public final class NetfilterApplyException extends DriverException {
  private final int exitCode;
  private final String toolOutput;

  public NetfilterApplyException(String operation, int exitCode, String toolOutput) {
    super(operation, 0, Optional.empty(),
        operation + " failed" + (exitCode >= 0 ? " with exit code " + exitCode : "")
            + (toolOutput.isBlank() ? "" : ": " + toolOutput.strip()));
    this.exitCode = exitCode;
    this.toolOutput = toolOutput;
  }

  /** The tool's exit code, or -1 when the rule set was refused before running it. */
  public int exitCode() {
    return exitCode;
  }

  /** What the tool printed on stderr and stdout, or the reason it was refused. */
  public String toolOutput() {
    return toolOutput;
  }
}
