package dev.weft.lab.probe;

import dev.weft.linux.netns.NetnsName;
import dev.weft.linux.netns.NetnsRef;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A long-running tool inside a lab namespace ({@code nsenter --net=FILE -- …}), its standard output
 * collected line by line. The child enters the namespace, never a JVM thread.
 */
final class NamespaceProcess implements AutoCloseable {
  private final Process process;
  private final List<String> lines = new ArrayList<>();
  private final Thread reader;

  NamespaceProcess(NetnsName namespace, List<String> command) {
    List<String> full = new ArrayList<>(List.of("nsenter", "--net=" + NetnsRef.named(namespace).file().orElseThrow(), "--"));
    full.addAll(command);
    try {
      process = new ProcessBuilder(full).redirectErrorStream(true).start();
      process.getOutputStream().close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + String.join(" ", full) + ": " + e.getMessage(), e);
    }
    reader = Thread.ofPlatform().daemon().name("weft-nsproc").start(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String l = r.readLine(); l != null; l = r.readLine()) {
          synchronized (lines) {
            lines.add(l);
          }
        }
      } catch (IOException ended) {
        // the process was stopped
      }
    });
  }

  List<String> lines() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(2, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      reader.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
