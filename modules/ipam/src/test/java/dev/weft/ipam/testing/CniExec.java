package dev.weft.ipam.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a CNI plugin binary as the runtime does: env, config on stdin, reply on stdout. */
public final class CniExec {
  private CniExec() {}

  public record Reply(int exit, String stdout, String stderr) {
    public Reply ok() {
      if (exit != 0) {
        throw new AssertionError("plugin failed (" + exit + "): " + stdout + " " + stderr);
      }
      return this;
    }
  }

  /** The weft-ipam launcher that {@code ./mvnw package} put into dist/ (ITs run after package). */
  public static Path weftIpam() {
    Path p = Path.of("../../dist/cni/bin/weft-ipam").toAbsolutePath().normalize();
    if (!Files.isExecutable(p)) {
      throw new AssertionError(p + " is missing: run ./mvnw package (the ITs use the packaged plugin)");
    }
    return p;
  }

  public static Path hostLocal() {
    return Path.of("/usr/lib/cni/host-local");
  }

  public static Reply run(List<String> command, Map<String, String> env, String stdin) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().keySet().removeIf(k -> k.startsWith("CNI_"));
    pb.environment().putAll(env);
    Process p = pb.start();
    try (var in = p.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    byte[] out = p.getInputStream().readAllBytes();
    byte[] err = p.getErrorStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(command + " timed out");
    }
    return new Reply(p.exitValue(), new String(out, StandardCharsets.UTF_8).strip(),
        new String(err, StandardCharsets.UTF_8).strip());
  }

  public static Reply run(Path plugin, Map<String, String> env, String stdin) throws IOException, InterruptedException {
    return run(List.of(plugin.toString()), env, stdin);
  }

  public static Map<String, String> env(String command, String containerId, String netns, String ifName) {
    return Map.of("CNI_COMMAND", command, "CNI_CONTAINERID", containerId, "CNI_NETNS", netns,
        "CNI_IFNAME", ifName, "CNI_PATH", "/usr/lib/cni");
  }
}
