package dev.weft.lab.deploy;

import dev.weft.lab.LabName;
import dev.weft.lab.change.Change;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How to deploy: the lab name ({@code --prefix}; by default derived from the topology's name), the file
 * the topology came from (recorded, so {@code destroy FILE} finds the lab), and a callback run before
 * each change (progress output, or a test making a change fail).
 */
public record DeployOptions(Optional<LabName> lab, Optional<Path> file, Consumer<Change> beforeChange) {
  public static DeployOptions defaults() {
    return new DeployOptions(Optional.empty(), Optional.empty(), c -> { });
  }

  public DeployOptions withLab(LabName name) {
    return new DeployOptions(Optional.of(name), file, beforeChange);
  }

  public DeployOptions withFile(Path path) {
    return new DeployOptions(lab, Optional.of(path), beforeChange);
  }

  public DeployOptions beforeEachChange(Consumer<Change> callback) {
    return new DeployOptions(lab, file, callback);
  }
}
