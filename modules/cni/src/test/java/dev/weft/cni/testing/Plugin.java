package dev.weft.cni.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged {@code dist/cni/bin/weft} the way containerd does (environment plus stdin), inside
 * an emulated node's namespace ({@code ip netns exec NODE}), through that node's daemon or standalone.
 */
public final class Plugin {
  private final String node;
  private final Map<String, String> extraEnv;

  public Plugin(String node, Map<String, String> extraEnv) {
    this.node = node;
    this.extraEnv = Map.copyOf(extraEnv);
  }

  public record Reply(int exit, String stdout, String stderr) {
    public Reply ok() {
      if (exit != 0) {
        throw new AssertionError("plugin failed (" + exit + "): " + stdout + "\nstderr: " + stderr);
      }
      return this;
    }
  }

  public static Path dist(String name) {
    Path p = Path.of("../../dist/cni/bin", name).toAbsolutePath().normalize();
    if (!Files.isExecutable(p)) {
      throw new AssertionError(p + " is missing: run ./mvnw package (the ITs use the packaged plugin)");
    }
    return p;
  }

  public Reply run(String command, String containerId, String netns, String ifName, String config) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("CNI_COMMAND", command);
    if (!containerId.isEmpty()) {
      env.put("CNI_CONTAINERID", containerId);
    }
    if (!netns.isEmpty()) {
      env.put("CNI_NETNS", netns);
    }
    if (!ifName.isEmpty()) {
      env.put("CNI_IFNAME", ifName);
    }
    env.put("CNI_PATH", "/usr/lib/cni");
    return exec(dist("weft"), env, config);
  }

  /** Runs any binary in the node with exactly {@code env} (plus this plugin's extra variables). */
  public Reply exec(Path binary, Map<String, String> env, String stdin) {
    List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", node, binary.toString()));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().keySet().removeIf(k -> k.startsWith("CNI_") || k.startsWith("WEFT_"));
    pb.environment().putAll(extraEnv);
    pb.environment().putAll(env);
    try {
      Process p = pb.start();
      try (var in = p.getOutputStream()) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
      var err = java.util.concurrent.CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
      String out = readAll(p.getInputStream());
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError(command + " timed out");
      }
      return new Reply(p.exitValue(), out.strip(), err.join().strip());
    } catch (IOException e) {
      throw new AssertionError("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static String readAll(java.io.InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
