package dev.weft.linux.error;

import java.util.List;
import java.util.Optional;

/**
 * Undoing a failed operation did not fully succeed: the listed steps could not be undone and may have
 * left objects behind. Each undo failure is attached as a suppressed exception.
 */
public final class RollbackException extends DriverException {
  private final List<String> leftBehind;

  public RollbackException(String operation, List<String> leftBehind) {
    super(operation, 0, Optional.empty(), "rollback of " + operation + " incomplete; may be left behind: "
        + String.join("; ", leftBehind));
    this.leftBehind = List.copyOf(leftBehind);
  }

  /** The undo steps that failed, in words. */
  public List<String> leftBehind() {
    return leftBehind;
  }
}
