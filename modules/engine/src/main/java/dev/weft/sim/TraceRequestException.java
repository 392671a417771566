package dev.weft.sim;

/** A trace or reach request that does not fit the model: an unknown namespace or interface, an address it lacks. */
public final class TraceRequestException extends IllegalArgumentException {
  public TraceRequestException(String message) {
    super(message);
  }
}
