package dev.weft.cni.client;

import dev.weft.cni.wire.WireFormat;
import dev.weft.cni.wire.WireFormat.Reply;
import dev.weft.cni.wire.WireFormat.Request;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code weft} executable the runtime execs: reads the CNI environment and stdin, hands them to the
 * node daemon over its unix socket, and writes the daemon's reply to stdout with its exit code. When
 * no daemon answers (socket absent, refused, or the daemon serves another network namespace) it loads
 * the full plugin in a class loader of its own and runs it in this process: slower, same result.
 *
 * <p>Start-up is the point of this class: it uses java.base only (the plugin, IPAM, JSON model and FFM
 * driver stay unloaded on the daemon path), does no logging set-up, and halts instead of exiting.
 * {@code WEFT_CNI_SOCKET} overrides the socket, {@code WEFT_CNI_STANDALONE=1} skips the daemon.
 */
public final class WeftCniClient {
  static final String DEFAULT_SOCKET = "/run/weft/cni.sock";

  private WeftCniClient() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 1 && args[0].equals("--version")) {
      System.err.println("weft 0.1.0 (CNI 0.3.0, 0.3.1, 0.4.0, 1.0.0, 1.1.0)");
      return;
    }
    if (args.length == 2 && args[0].equals("--aot-training")) {
      AotTraining.run(Path.of(args[1]));
      return;
    }
    Map<String, String> env = forwarded(System.getenv());
    if (args.length == 1 && args[0].equals("--probe")) {
      env.put("CNI_COMMAND", "VERSION");
      Runtime.getRuntime().halt(probe(socket(env), env) ? 0 : 1);
    }
    byte[] stdin = System.in.readAllBytes();
    OutputStream stdout = new FileOutputStream(FileDescriptor.out);
    Runtime.getRuntime().halt(run(env, stdin, stdout, System.err));
  }

  /** One invocation through the daemon or, failing that, in process; returns the exit code. */
  static int run(Map<String, String> env, byte[] stdin, OutputStream stdout, PrintStream stderr) throws IOException {
    if (!"1".equals(env.get("WEFT_CNI_STANDALONE"))) {
      Path socket = socket(env);
      if (Files.exists(socket)) {
        try {
          Reply reply = ask(socket, new Request(namespaceId(), env, stdin));
          if (reply.status() == WireFormat.SERVED) {
            stdout.write(reply.stdout());
            stdout.flush();
            stderr.write(reply.stderr());
            stderr.flush();
            return reply.exitCode();
          }
          stderr.write(reply.stderr());
        } catch (IOException e) {
          stderr.println("weft: node daemon at " + socket + " did not answer (" + e.getMessage()
              + "); running standalone");
        }
      }
    }
    return standalone(env, stdin, stdout, stderr);
  }

  static Reply ask(Path socket, Request request) throws IOException {
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      channel.connect(UnixDomainSocketAddress.of(socket));
      WireFormat.writeRequest(Channels.newOutputStream(channel), request);
      channel.shutdownOutput();
      return WireFormat.readReply(Channels.newInputStream(channel));
    }
  }

  private static boolean probe(Path socket, Map<String, String> env) {
    try {
      Reply r = ask(socket, new Request(namespaceId(), env, "{\"cniVersion\":\"1.1.0\"}".getBytes(StandardCharsets.UTF_8)));
      return r.status() == WireFormat.SERVED && r.exitCode() == 0;
    } catch (IOException e) {
      System.err.println("weft: " + socket + ": " + e.getMessage());
      return false;
    }
  }

  /**
   * Loads the plugin from the jars the launcher lists in {@code -Dweft.cni.classpath}, in a loader whose
   * parent is the platform loader (so none of its classes resolve against this jar's copy), and runs it.
   */
  static int standalone(Map<String, String> env, byte[] stdin, OutputStream stdout, PrintStream stderr) {
    String classpath = System.getProperty("weft.cni.classpath", "");
    List<URL> urls = new ArrayList<>();
    try {
      for (String jar : classpath.split(":")) {
        if (!jar.isEmpty()) {
          urls.add(Path.of(jar).toUri().toURL());
        }
      }
      URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
      Class<?> main = loader.loadClass("dev.weft.cni.plugin.StandaloneMain");
      Object exit = main.getMethod("run", Map.class, byte[].class, OutputStream.class, PrintStream.class)
          .invoke(null, env, stdin, stdout, stderr);
      stdout.flush();
      return (Integer) exit;
    } catch (ReflectiveOperationException | IOException | RuntimeException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      String msg = ("weft: cannot run the plugin standalone: " + cause).replace("\\", "\\\\").replace("\"", "'");
      stderr.println(msg);
      try {
        stdout.write(("{\"cniVersion\":\"1.1.0\",\"code\":50,\"msg\":\"" + msg + "\"}\n").getBytes(StandardCharsets.UTF_8));
        stdout.flush();
      } catch (IOException ignored) {
        // nothing more can be said
      }
      return 1;
    }
  }

  /** The variables the plugin reads: CNI_* and WEFT_*. */
  static Map<String, String> forwarded(Map<String, String> all) {
    Map<String, String> out = new TreeMap<>();
    all.forEach((k, v) -> {
      if (k.startsWith("CNI_") || k.startsWith("WEFT_")) {
        out.put(k, v);
      }
    });
    return out;
  }

  static Path socket(Map<String, String> env) {
    String s = env.getOrDefault("WEFT_CNI_SOCKET", "");
    return Path.of(s.isEmpty() ? DEFAULT_SOCKET : s);
  }

  static String namespaceId() throws IOException {
    return Files.readSymbolicLink(Path.of("/proc/self/ns/net")).toString();
  }

}
