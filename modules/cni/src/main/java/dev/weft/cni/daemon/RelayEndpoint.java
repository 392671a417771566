package dev.weft.cni.daemon;

import dev.weft.cni.wire.ShellFrames;
import dev.weft.cni.wire.ShellFrames.Header;
import dev.weft.cni.wire.WireFormat.Reply;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * The loopback TCP endpoint that {@code lib/weft-relay.bash} talks to, so that an exec of {@code weft}
 * or {@code weft-ipam} is a bash process of a few milliseconds instead of a JVM start.
 *
 * <p>Why TCP and a token: bash can open {@code /dev/tcp} with a builtin but has no unix sockets, and a
 * loopback port is open to every local user. So the daemon binds 127.0.0.1 on an ephemeral port and
 * writes "port request-token reply-token" to a 0600 file beside its unix socket (in its 0700
 * directory); a request whose token does not match is closed unanswered, so only a caller that can read
 * that file (root) gets work done, and the relay trusts only replies that carry the reply token, which
 * never crosses the wire towards the daemon (so a process that binds the port after the daemon died
 * cannot forge an answer). Loopback also pins the caller to the daemon's network namespace, which is the unix socket's
 * namespace check for free. A peer gets a few seconds to send its header line.
 */
final class RelayEndpoint implements AutoCloseable {
  interface Handler {
    Reply answer(String plugin, Map<String, String> env, byte[] stdin);
  }

  private static final int HEADER_TIMEOUT_MS = 5_000;
  /**
   * Connections served at once. Anyone on the node can connect (only the token gets work done), so
   * connections beyond this are closed at once instead of each holding a thread for the header timeout;
   * a real client whose connection is closed falls back to the unix socket.
   */
  static final int MAX_CONNECTIONS = 64;
  private final Semaphore slots = new Semaphore(MAX_CONNECTIONS);
  /**
   * Pooled platform threads, not virtual ones: a virtual thread's socket read with a timeout parks on
   * the JDK's poller and comes back through the scheduler, which cost ~0.3 ms per request here; the
   * whole request is ~1 ms.
   */
  private final ExecutorService workers = Executors.newCachedThreadPool(
      Thread.ofPlatform().daemon().name("weft-cnid-relay-", 0).factory());
  private final ServerSocket server;
  private final Path endpointFile;
  private final byte[] token;
  private final String replyToken;
  private final Handler handler;

  private RelayEndpoint(ServerSocket server, Path endpointFile, byte[] token, String replyToken, Handler handler) {
    this.server = server;
    this.endpointFile = endpointFile;
    this.token = token;
    this.replyToken = replyToken;
    this.handler = handler;
  }

  /** Binds loopback and publishes the endpoint file; empty (with a warning) when loopback is unusable. */
  static Optional<RelayEndpoint> open(Path endpointFile, Handler handler) {
    try {
      ServerSocket server = new ServerSocket();
      try {
        server.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 128);
        SecureRandom random = new SecureRandom();
        String token = secret(random);
        String replyToken = secret(random);
        Path tmp = endpointFile.resolveSibling(endpointFile.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, server.getLocalPort() + " " + token + " " + replyToken + "\n");
        Files.move(tmp, endpointFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return Optional.of(new RelayEndpoint(server, endpointFile, token.getBytes(StandardCharsets.US_ASCII),
            replyToken, handler));
      } catch (IOException | RuntimeException e) {
        server.close();
        throw e;
      }
    } catch (IOException e) {
      System.err.println("weft-cnid: no loopback relay endpoint (" + e.getMessage()
          + "); clients use the unix socket");
      return Optional.empty();
    }
  }

  private static String secret(SecureRandom random) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  int port() {
    return server.getLocalPort();
  }

  /** Accepts connections until closed. */
  void serve() {
    while (!server.isClosed()) {
      try {
        Socket connection = server.accept();
        if (!slots.tryAcquire()) {
          connection.close();
          continue;
        }
        workers.execute(() -> {
          try {
            handle(connection);
          } finally {
            slots.release();
          }
        });
      } catch (IOException e) {
        if (!server.isClosed()) {
          System.err.println("weft-cnid: relay accept failed: " + e.getMessage());
        }
      }
    }
  }

  private void handle(Socket connection) {
    try (connection) {
      connection.setTcpNoDelay(true);
      connection.setSoTimeout(HEADER_TIMEOUT_MS);
      InputStream in = new BufferedInputStream(connection.getInputStream());
      Header header = ShellFrames.readHeader(in);
      if (!MessageDigest.isEqual(header.token().getBytes(StandardCharsets.US_ASCII), token)) {
        System.err.println("weft-cnid: relay request with a wrong token from port " + connection.getPort());
        return;
      }
      var request = ShellFrames.readBody(in, header);
      connection.setSoTimeout(0);
      Reply reply = handler.answer(request.plugin(), request.env(), request.stdin());
      OutputStream out = new BufferedOutputStream(connection.getOutputStream());
      ShellFrames.writeReply(out, replyToken, reply);
    } catch (SocketTimeoutException e) {
      System.err.println("weft-cnid: relay peer sent no request in time");
    } catch (IOException | RuntimeException e) {
      System.err.println("weft-cnid: relay request failed: " + e);
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    workers.shutdown();
    Files.deleteIfExists(endpointFile);
  }
}
