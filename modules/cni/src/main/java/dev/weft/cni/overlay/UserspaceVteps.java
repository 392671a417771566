package dev.weft.cni.overlay;

import dev.weft.dataplane.vtep.Vtep;
import dev.weft.linux.LinuxDriver;
import dev.weft.model.value.InterfaceName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The userspace VTEPs a node daemon runs, by device name. They live as long as the daemon (their TAPs
 * go with it), which is why {@code "dataplane": "weft"} needs weft-cnid: a plugin process that exits
 * after its ADD could not keep one running. So that a restarted daemon brings the overlay back before
 * the next ADD, the network config of each VTEP's last ADD is kept in {@code stateDir}
 * ({@code /run/weft/vteps}: gone at reboot, when pods are set up again anyway) and replayed at start.
 */
public final class UserspaceVteps implements AutoCloseable {
  private final Path stateDir;
  private final Map<String, Vtep> running = new HashMap<>();
  private final Map<String, byte[]> remembered = new HashMap<>();

  public UserspaceVteps(Path stateDir) {
    this.stateDir = stateDir;
  }

  /** The running VTEP for {@code spec}, started (or restarted, when its spec changed) as needed. */
  public synchronized Vtep ensure(LinuxDriver driver, Vtep.Spec spec) {
    Vtep current = running.get(spec.device().value());
    if (current != null && current.spec().equals(spec)) {
      return current;
    }
    if (current != null) {
      current.close();
      running.remove(spec.device().value());
    }
    Vtep started = Vtep.start(driver, spec);
    running.put(spec.device().value(), started);
    return started;
  }

  /** Keeps {@code config} (a network config's JSON) as the one to replay for {@code device}. */
  public synchronized void remember(InterfaceName device, byte[] config) throws IOException {
    if (Arrays.equals(remembered.get(device.value()), config)) {
      return;
    }
    Path dir = Files.createDirectories(stateDir);
    Path tmp = dir.resolve("." + device.value() + ".tmp");
    Files.write(tmp, config);
    Files.move(tmp, dir.resolve(device.value() + ".json"), StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
    remembered.put(device.value(), config.clone());
  }

  /** The configs kept by an earlier run of the daemon, to replay at start. */
  public List<byte[]> rememberedConfigs() throws IOException {
    List<byte[]> out = new ArrayList<>();
    if (!Files.isDirectory(stateDir)) {
      return out;
    }
    try (Stream<Path> files = Files.list(stateDir)) {
      for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
        out.add(Files.readAllBytes(f));
      }
    }
    return out;
  }

  @Override
  public synchronized void close() {
    running.values().forEach(Vtep::close);
    running.clear();
  }
}
