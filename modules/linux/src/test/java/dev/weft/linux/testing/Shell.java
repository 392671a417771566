package dev.weft.linux.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Runs iproute2 and friends in tests, to cross-check the driver against the reference tools. */
public final class Shell {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Shell() {}

  public record Result(int exitCode, String stdout, String stderr) {}

  public static Result run(String... command) {
    try {
      Process p = new ProcessBuilder(command).start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("timed out: " + String.join(" ", command));
      }
      return new Result(p.exitValue(), out, err);
    } catch (IOException e) {
      throw new AssertionError("cannot run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Runs a command that must succeed and returns stdout. */
  public static String ok(String... command) {
    Result r = run(command);
    if (r.exitCode() != 0) {
      throw new AssertionError(String.join(" ", command) + " failed (" + r.exitCode() + "): " + r.stderr());
    }
    return r.stdout();
  }

  /** Runs a command with -j output and parses the JSON array. */
  public static JsonNode json(String... command) {
    String out = ok(command).strip();
    return JSON.readTree(out.isEmpty() ? "[]" : out);
  }

  /** {@code ip [-n NS] -j ARGS...}. */
  public static JsonNode ipJson(String namespace, String... args) {
    return json(withNamespace("ip", namespace, args));
  }

  /** {@code bridge [-n NS] -j ARGS...}. */
  public static JsonNode bridgeJson(String namespace, String... args) {
    return json(withNamespace("bridge", namespace, args));
  }

  /** The names {@code ip netns list} shows. */
  public static List<String> netnsNames() {
    List<String> out = new java.util.ArrayList<>();
    ipJson("", "netns", "list").forEach(n -> out.add(n.get("name").asString()));
    return out;
  }

  /** The link names {@code ip [-n NS] link show} lists, in ifindex order. */
  public static List<String> linkNames(String namespace) {
    List<String> out = new java.util.ArrayList<>();
    ipJson(namespace, "link", "show").forEach(l -> out.add(l.get("ifname").asString()));
    return out;
  }

  private static String[] withNamespace(String tool, String namespace, String... args) {
    List<String> cmd = new java.util.ArrayList<>(List.of(tool));
    if (!namespace.isEmpty()) {
      cmd.addAll(List.of("-n", namespace));
    }
    cmd.add("-j");
    cmd.addAll(List.of(args));
    return cmd.toArray(String[]::new);
  }
}
