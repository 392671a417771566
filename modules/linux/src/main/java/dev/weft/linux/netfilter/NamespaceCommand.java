package dev.weft.linux.netfilter;

import dev.weft.linux.error.NetfilterApplyException;
import dev.weft.linux.netns.NetnsRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a netfilter tool inside a namespace. The child is started through {@code nsenter --net=FILE},
 * so it is the child, not any JVM thread, that enters the namespace: no JVM thread (nor the JDK's
 * process-reaper threads, which are created lazily by whichever thread starts a process) ever inherits
 * a foreign namespace this way.
 */
final class NamespaceCommand {
  private static final long TIMEOUT_SECONDS = 60;

  record Result(int exitCode, String stdout, String stderr) {}

  private NamespaceCommand() {}

  static Result run(NetnsRef ns, List<String> command, String stdin, String operation) {
    List<String> full = new ArrayList<>();
    ns.file().ifPresent(file -> full.addAll(List.of("nsenter", "--net=" + file, "--")));
    full.addAll(command);
    try {
      Process p = new ProcessBuilder(full).start();
      StringBuilder err = new StringBuilder();
      Thread errReader = Thread.ofVirtual().start(() -> err.append(readAll(p.getErrorStream())));
      try (OutputStream in = p.getOutputStream()) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
      String out = readAll(p.getInputStream());
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new NetfilterApplyException(operation, -1, String.join(" ", full) + " timed out");
      }
      errReader.join();
      return new Result(p.exitValue(), out, err.toString());
    } catch (IOException e) {
      throw new NetfilterApplyException(operation, -1, "cannot run " + String.join(" ", full) + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NetfilterApplyException(operation, -1, "interrupted");
    }
  }

  private static String readAll(InputStream stream) {
    try (stream) {
      return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /** Runs and throws NetfilterApplyException with the tool's output on a non-zero exit. */
  static String runChecked(NetnsRef ns, List<String> command, String stdin, String operation) {
    Result r = run(ns, command, stdin, operation);
    if (r.exitCode() != 0) {
      throw new NetfilterApplyException(operation, r.exitCode(), (r.stderr() + "\n" + r.stdout()).strip());
    }
    return r.stdout();
  }
}
