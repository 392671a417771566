package dev.weft.cli.sim;

import dev.weft.cli.InvalidInputException;
import dev.weft.sim.TraceRequestException;
import java.util.function.Supplier;

/** Maps the mistakes in a simulation request to invalid input (exit 2), and only those. */
public final class Simulators {
  private Simulators() {}

  /** Builds a request from options: a bad name, address, port or size is the user's mistake (exit 2). */
  public static <T> T request(Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(e.getMessage());
    }
  }

  /**
   * Runs a request: the simulator reports what the model cannot answer (unknown namespace or interface,
   * no address of the family) as {@link TraceRequestException}; anything else is a bug (exit 1).
   */
  public static <T> T run(Supplier<T> simulation) {
    try {
      return simulation.get();
    } catch (TraceRequestException e) {
      throw new InvalidInputException(e.getMessage());
    }
  }
}
