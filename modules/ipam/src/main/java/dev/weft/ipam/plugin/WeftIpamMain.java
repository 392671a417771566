package dev.weft.ipam.plugin;

import dev.weft.cni.protocol.CniDispatcher;
import dev.weft.cni.protocol.CniLog;

/** Entry point of the {@code weft-ipam} executable. */
public final class WeftIpamMain {
  private WeftIpamMain() {}

  public static void main(String[] args) {
    if (args.length > 0 && (args[0].equals("--version") || args[0].equals("version"))) {
      System.err.println("weft-ipam " + WeftIpamPlugin.VERSION + " (CNI 0.3.0, 0.3.1, 0.4.0, 1.0.0, 1.1.0)");
      return;
    }
    if (args.length == 2 && args[0].equals("--aot-training")) {
      AotTraining.run(java.nio.file.Path.of(args[1]));
      return;
    }
    CniLog log = CniLog.fromEnvironment("weft-ipam", System.getenv(), System.err);
    CniDispatcher.runMain(new WeftIpamPlugin(log), log);
  }
}
