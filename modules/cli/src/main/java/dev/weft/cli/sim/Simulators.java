package dev.weft.cli.sim;

import dev.weft.cli.InvalidInputException;
import dev.weft.model.NetworkModel;
import dev.weft.sim.Simulator;
import dev.weft.sim.TraceRequestException;
import java.util.function.Supplier;

/** Builds the simulator a command uses, and maps request mistakes to invalid input. */
public final class Simulators {
  private Simulators() {}

  /** A simulator that applies every namespace's rule set at its netfilter hooks. */
  public static Simulator of(NetworkModel model) {
    return Simulator.of(model);
  }

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
