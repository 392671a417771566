package dev.weft.dataplane.plan;

/** The model cannot be run by the dataplane on the requested host; the message says why and what would do. */
public final class PlanException extends RuntimeException {
  public PlanException(String message) {
    super(message);
  }
}
