package dev.weft.cni.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A {@code weft-cnid} started inside an emulated node's namespace; {@link #close} stops it by its handle. */
public final class Daemon implements AutoCloseable {
  private final Process process;
  private final Path socket;

  private Daemon(Process process, Path socket) {
    this.process = process;
    this.socket = socket;
  }

  public static Daemon start(String node, Path dir) {
    Path socket = dir.resolve("cni.sock");
    try {
      Process p = new ProcessBuilder("ip", "netns", "exec", node, Plugin.dist("weft-cnid").toString(),
          "--socket", socket.toString(), "--log-file", dir.resolve("cnid.log").toString())
          .redirectErrorStream(true).redirectOutput(dir.resolve("cnid.out").toFile()).start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      // the relay's endpoint file comes right after the socket; a test that starts plugins at once
      // should find both, or its first exec would take the JVM path
      Path endpoint = dir.resolve("cni.sock.tcp");
      while (!Files.exists(socket) || !Files.exists(endpoint)) {
        if (!p.isAlive() || System.nanoTime() > deadline) {
          p.destroyForcibly();
          throw new AssertionError("weft-cnid did not start: " + Files.readString(dir.resolve("cnid.out")));
        }
        Thread.sleep(20);
      }
      return new Daemon(p, socket);
    } catch (IOException e) {
      throw new AssertionError("cannot start weft-cnid", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  public Path socket() {
    return socket;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
