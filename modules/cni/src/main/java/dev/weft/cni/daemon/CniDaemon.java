package dev.weft.cni.daemon;

import dev.weft.cni.overlay.UserspaceVteps;
import dev.weft.cni.plugin.NetworkLocks;
import dev.weft.cni.plugin.WeftCniPlugin;
import dev.weft.cni.protocol.CniDispatcher;
import dev.weft.cni.protocol.CniException;
import dev.weft.cni.protocol.CniPlugin;
import dev.weft.cni.protocol.CniLog;
import dev.weft.cni.wire.WireFormat;
import dev.weft.cni.wire.WireFormat.Reply;
import dev.weft.cni.wire.WireFormat.Request;
import dev.weft.ipam.plugin.WeftIpamPlugin;
import dev.weft.linux.LinuxDriver;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code weft-cnid}: the node daemon behind the thin {@code weft} client.
 *
 * <p>Design note: kubelet's runtime execs the CNI binary once per pod and command, and a JVM that
 * loads the plugin, the IPAM and the FFM driver spends most of an ADD starting up. The daemon keeps all
 * of that warm and runs each request through the very {@link CniDispatcher} a standalone run uses, with
 * the client's environment and stdin, so the reply (stdout, exit code) is byte-for-byte what the
 * standalone plugin would print; the request's log lines come back as the client's stderr. One virtual
 * thread per connection (namespace work happens on the driver's platform threads). The socket is 0600
 * in a 0700 directory, so only root can hand it work. A request from a client in another network
 * namespace is refused (the client then runs standalone), because "the host" is the daemon's namespace.
 * The same work is offered to the shell relay of {@code weft} and {@code weft-ipam} on loopback TCP
 * ({@link RelayEndpoint}), which spares each exec a JVM start.
 */
public final class CniDaemon implements AutoCloseable {
  private final Path socket;
  private final LinuxDriver driver;
  private final NetworkLocks locks = new NetworkLocks();
  /** The userspace tunnels of {@code "dataplane": "weft"} overlays: they live as long as the daemon. */
  private final UserspaceVteps vteps;
  private final String namespaceId;
  private final Optional<Path> logFile;
  private final ServerSocketChannel server;
  private final Optional<RelayEndpoint> relay;

  public CniDaemon(Path socket, LinuxDriver driver, Optional<Path> logFile) throws IOException {
    this.socket = socket;
    this.driver = driver;
    this.logFile = logFile;
    this.namespaceId = Files.readSymbolicLink(Path.of("/proc/self/ns/net")).toString();
    this.vteps = new UserspaceVteps(socket.toAbsolutePath().resolveSibling("vteps"));
    Path dir = socket.toAbsolutePath().getParent();
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
    // before the socket appears: a client that finds the daemon finds its overlays up
    restoreOverlays();
    Files.deleteIfExists(socket);
    this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
    this.relay = RelayEndpoint.open(relayEndpointFile(socket), this::invoke);
  }

  /** Where the loopback relay's "port token reply-token" line is published: beside the socket, as {@code <socket>.tcp}. */
  public static Path relayEndpointFile(Path socket) {
    return socket.resolveSibling(socket.getFileName() + ".tcp");
  }

  /**
   * Brings back the userspace overlays an earlier run of the daemon served (their TAPs went with it), so
   * cross-node traffic resumes without waiting for the next ADD. Failures are logged, not fatal.
   */
  private void restoreOverlays() {
    CniLog log = CniLog.fromEnvironment("weft", withLogFile(Map.of()), System.err);
    try {
      for (byte[] config : vteps.rememberedConfigs()) {
        try {
          new WeftCniPlugin(driver, log, locks, Optional.of(vteps)).restoreOverlay(config);
        } catch (CniException | RuntimeException e) {
          System.err.println("weft-cnid: could not restore an overlay: " + e.getMessage());
        }
      }
    } catch (IOException e) {
      System.err.println("weft-cnid: cannot read the kept overlay configs: " + e.getMessage());
    }
  }

  /** Accepts connections (and relay connections, on a thread of their own) until closed. */
  public void serve() {
    relay.ifPresent(r -> Thread.ofPlatform().daemon().name("weft-cnid-relay-accept").start(r::serve));
    while (server.isOpen()) {
      try {
        SocketChannel connection = server.accept();
        Thread.ofVirtual().name("weft-cnid-request").start(() -> handle(connection));
      } catch (IOException e) {
        if (server.isOpen()) {
          System.err.println("weft-cnid: accept failed: " + e.getMessage());
        }
      }
    }
  }

  private void handle(SocketChannel connection) {
    try (connection; InputStream in = Channels.newInputStream(connection);
        OutputStream out = Channels.newOutputStream(connection)) {
      Request request = WireFormat.readRequest(in);
      WireFormat.writeReply(out, answer(request));
    } catch (IOException | RuntimeException e) {
      System.err.println("weft-cnid: request failed: " + e);
    }
  }

  Reply answer(Request request) {
    if (!request.namespaceId().equals(namespaceId)) {
      byte[] why = ("weft-cnid serves " + namespaceId + ", the client is in " + request.namespaceId() + "\n")
          .getBytes(StandardCharsets.UTF_8);
      return new Reply(WireFormat.REFUSED, 0, new byte[0], why);
    }
    return invoke("weft", request.env(), request.stdin());
  }

  /**
   * Runs one invocation of {@code plugin} as its standalone executable would; a plugin the daemon does
   * not serve ("weft" and "weft-ipam" it does) is refused, and the caller runs it itself.
   */
  Reply invoke(String plugin, Map<String, String> requestEnv, byte[] stdin) {
    if (!plugin.equals("weft") && !plugin.equals("weft-ipam")) {
      return new Reply(WireFormat.REFUSED, 0, new byte[0],
          ("weft-cnid does not serve " + plugin + "\n").getBytes(StandardCharsets.UTF_8));
    }
    Map<String, String> env = withLogFile(requestEnv);
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(stderr, true, StandardCharsets.UTF_8);
    CniLog log = CniLog.fromEnvironment(plugin, env, err);
    long start = System.nanoTime();
    CniPlugin served = plugin.equals("weft-ipam") ? new WeftIpamPlugin(log) : new WeftCniPlugin(driver, log, locks, Optional.of(vteps));
    int exit = new CniDispatcher(served, log).run(env, new ByteArrayInputStream(stdin), stdout);
    err.flush();
    log.info(env.getOrDefault("CNI_COMMAND", "?") + " served in " + (System.nanoTime() - start) / 1000 + " us, exit " + exit);
    return new Reply(WireFormat.SERVED, exit, stdout.toByteArray(), stderr.toByteArray());
  }

  /** {@code env} with the daemon's log file, unless the request names its own. */
  private Map<String, String> withLogFile(Map<String, String> env) {
    Map<String, String> out = new HashMap<>(env);
    if (!out.containsKey("WEFT_CNI_LOG_FILE")) {
      logFile.ifPresent(f -> out.put("WEFT_CNI_LOG_FILE", f.toString()));
    }
    return out;
  }

  public Path socket() {
    return socket;
  }

  /** The loopback relay's port, when it could be opened. */
  public Optional<Integer> relayPort() {
    return relay.map(RelayEndpoint::port);
  }

  @Override
  public void close() throws IOException {
    if (relay.isPresent()) {
      relay.get().close();
    }
    server.close();
    vteps.close();
    Files.deleteIfExists(socket);
  }
}
