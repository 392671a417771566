package dev.weft.sim;

import java.util.Optional;

/**
 * The end of a trace: the outcome, the drop cause when dropped, where it ended and a one-line reason.
 */
public record Disposition(Outcome outcome, Optional<DropCause> cause, Optional<Location> at, String detail) {

  public static Disposition delivered(Location at, String detail) {
    return new Disposition(Outcome.DELIVERED, Optional.empty(), Optional.of(at), detail);
  }

  public static Disposition exits(Location at, String detail) {
    return new Disposition(Outcome.EXITS_NETWORK, Optional.empty(), Optional.of(at), detail);
  }

  public static Disposition dropped(DropCause cause, Optional<Location> at, String detail) {
    return new Disposition(Outcome.DROPPED, Optional.of(cause), at, detail);
  }

  public static Disposition undetermined(Location at, String detail) {
    return new Disposition(Outcome.UNDETERMINED, Optional.empty(), Optional.of(at), detail);
  }

  public boolean delivered() {
    return outcome == Outcome.DELIVERED;
  }

  /** {@code DELIVERED}, {@code EXITS_NETWORK} or {@code DROPPED (CAUSE)}. */
  public String verdict() {
    return outcome + cause.map(c -> " (" + c + ")").orElse("");
  }
}
