package dev.weft.cni.client;

import dev.weft.cni.wire.WireFormat;
import dev.weft.cni.wire.WireFormat.Reply;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The build's AOT training run for the thin client ({@code weft --aot-training DIR}): a stand-in
 * daemon on a scratch socket answers a few requests, so the cache holds exactly the classes and
 * linkage of the daemon path (unix sockets, the frame codec, stream plumbing).
 */
final class AotTraining {
  private AotTraining() {}

  static void run(Path scratch) throws IOException, InterruptedException {
    Files.createDirectories(scratch);
    Path socket = scratch.resolve("train.sock");
    Files.deleteIfExists(socket);
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      Thread daemon = Thread.ofPlatform().start(() -> answer(server, 4));
      // through System.getenv() as main does, so the cache also holds the JDK's environment classes
      Map<String, String> env = WeftCniClient.forwarded(System.getenv());
      env.putAll(Map.of("CNI_COMMAND", "ADD", "CNI_CONTAINERID", "c1", "CNI_NETNS", "/run/netns/x",
          "CNI_IFNAME", "eth0", "CNI_PATH", "/opt/cni/bin", "WEFT_CNI_SOCKET", socket.toString()));
      byte[] stdin = "{\"cniVersion\":\"1.1.0\",\"name\":\"n\",\"type\":\"weft\"}".getBytes(StandardCharsets.UTF_8);
      PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
      for (int i = 0; i < 4; i++) {
        WeftCniClient.run(WeftCniClient.forwarded(env), stdin, new ByteArrayOutputStream(), sink);
      }
      daemon.join();
    } finally {
      Files.deleteIfExists(socket);
    }
  }

  private static void answer(ServerSocketChannel server, int count) {
    for (int i = 0; i < count; i++) {
      try (SocketChannel c = server.accept()) {
        WireFormat.readRequest(Channels.newInputStream(c));
        WireFormat.writeReply(Channels.newOutputStream(c), new Reply(WireFormat.SERVED, i % 2,
            "{\"cniVersion\":\"1.1.0\"}\n".getBytes(StandardCharsets.UTF_8), new byte[0]));
      } catch (IOException e) {
        return;
      }
    }
  }
}
