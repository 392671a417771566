package dev.weft.netfilter.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A network namespace of our own ({@code wt} + random hex) for running iptables-restore and nft against
 * a real kernel without touching the host's rule set. Deleted on close, which tests do in
 * try-with-resources so it happens even when they fail. Creating one needs root: without it the test
 * is skipped, unless WEFT_REQUIRE_PRIVILEGED=1, where that is a failure.
 */
public final class TempNetns implements AutoCloseable {
  private final String name;

  private TempNetns(String name) {
    this.name = name;
  }

  public static TempNetns create() {
    boolean required = "1".equals(System.getenv("WEFT_REQUIRE_PRIVILEGED"));
    if (!isRoot()) {
      if (required) {
        Assertions.fail("WEFT_REQUIRE_PRIVILEGED=1 but the tests do not run as root");
      }
      Assumptions.abort("needs root for a network namespace (WEFT_REQUIRE_PRIVILEGED=1 makes this a failure)");
    }
    byte[] id = new byte[4];
    new SecureRandom().nextBytes(id);
    String name = "wtnf" + HexFormat.of().formatHex(id);
    Result r = run(null, "ip", "netns", "add", name);
    if (r.exit() != 0) {
      Assertions.fail("ip netns add " + name + " failed: " + r.err());
    }
    return new TempNetns(name);
  }

  public String name() {
    return name;
  }

  /** Runs a command inside the namespace with {@code stdin} as its input. */
  public Result exec(String stdin, String... command) {
    List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", name));
    full.addAll(List.of(command));
    return run(stdin, full.toArray(String[]::new));
  }

  @Override
  public void close() {
    run(null, "ip", "netns", "del", name);
  }

  public record Result(int exit, String out, String err) {}

  private static boolean isRoot() {
    try {
      return java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status")).stream()
          .filter(l -> l.startsWith("Uid:")).findFirst().map(l -> l.split("\\s+")[1].equals("0")).orElse(false);
    } catch (IOException e) {
      return false;
    }
  }

  private static Result run(String stdin, String... command) {
    try {
      Process p = new ProcessBuilder(command).start();
      if (stdin != null) {
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
      }
      p.getOutputStream().close();
      var out = p.getInputStream().readAllBytes();
      var err = p.getErrorStream().readAllBytes();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Result(-1, "", "timed out: " + String.join(" ", command));
      }
      return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return new Result(-1, "", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(-1, "", "interrupted");
    }
  }
}
