package dev.weft.cni.overlay;

import dev.weft.dataplane.vtep.Vtep;
import dev.weft.linux.LinuxDriver;
import java.util.HashMap;
import java.util.Map;

/**
 * The userspace VTEPs a node daemon runs, by device name. They live as long as the daemon (their TAPs
 * go with it), which is why {@code "dataplane": "weft"} needs weft-cnid: a plugin process that exits
 * after its ADD could not keep one running.
 */
public final class UserspaceVteps implements AutoCloseable {
  private final Map<String, Vtep> running = new HashMap<>();

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

  @Override
  public synchronized void close() {
    running.values().forEach(Vtep::close);
    running.clear();
  }
}
