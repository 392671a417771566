package dev.weft.cni.testing;

import dev.weft.linux.LinuxDriver;
import dev.weft.linux.netns.NetnsRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Real TCP between namespaces: a socket stays in the namespace it was created in, so each one is
 * opened on a driver namespace thread and then used from the test's thread.
 */
public final class Sockets {
  private Sockets() {}

  public static ServerSocketChannel listen(LinuxDriver driver, NetnsRef ns, String address, int port) {
    return driver.threads().call(ns, () -> {
      try {
        ServerSocketChannel s = ServerSocketChannel.open();
        s.bind(new InetSocketAddress(address, port));
        return s;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** Connects from {@code ns}, sends a line, and returns what the server side received. */
  public static String exchange(LinuxDriver driver, NetnsRef ns, ServerSocketChannel server, String address, int port,
      String message) throws Exception {
    SocketChannel client = driver.threads().call(ns, () -> {
      try {
        return SocketChannel.open();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    try (client) {
      client.socket().connect(new InetSocketAddress(address, port), (int) Duration.ofSeconds(5).toMillis());
      client.write(ByteBuffer.wrap(message.getBytes(StandardCharsets.UTF_8)));
      client.shutdownOutput();
      try (SocketChannel accepted = server.accept()) {
        ByteBuffer buf = ByteBuffer.allocate(256);
        while (accepted.read(buf) >= 0 && buf.hasRemaining()) {
          // read until the client closes
        }
        buf.flip();
        return StandardCharsets.UTF_8.decode(buf).toString();
      }
    }
  }
}
