package dev.weft.cni.plugin;

import dev.weft.cni.protocol.CniDispatcher;
import dev.weft.cni.protocol.CniLog;
import dev.weft.linux.LinuxDriver;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;

/**
 * The plugin run in the calling process, for when no node daemon answers. The thin client loads this
 * class in its own class loader and calls {@link #run}; the same code path as the daemon's, so both
 * give identical results.
 */
public final class StandaloneMain {
  private StandaloneMain() {}

  /** One invocation; returns the exit code. Called reflectively by the thin client. */
  public static int run(Map<String, String> env, byte[] stdin, OutputStream stdout, PrintStream stderr) {
    CniLog log = CniLog.fromEnvironment("weft", env, stderr);
    try (LinuxDriver driver = LinuxDriver.open()) {
      return new CniDispatcher(new WeftCniPlugin(driver, log, new NetworkLocks(), Optional.empty()), log)
          .run(env, new ByteArrayInputStream(stdin), stdout);
    }
  }
}
