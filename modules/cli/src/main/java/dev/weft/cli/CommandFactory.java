package dev.weft.cli;

import dev.weft.cli.lab.LabEnvironment;
import java.lang.reflect.Constructor;
import picocli.CommandLine;

/**
 * Builds commands for picocli with constructor injection: a command with a {@code (LabEnvironment)}
 * constructor gets the environment {@link Main} wired; every other class is made by picocli's default
 * factory. This keeps the kernel commands testable without static state.
 */
final class CommandFactory implements CommandLine.IFactory {
  private final LabEnvironment lab;

  CommandFactory(LabEnvironment lab) {
    this.lab = lab;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    Constructor<K> injected;
    try {
      injected = type.getDeclaredConstructor(LabEnvironment.class);
    } catch (NoSuchMethodException e) {
      return CommandLine.defaultFactory().create(type);
    }
    injected.setAccessible(true);
    return injected.newInstance(lab);
  }
}
