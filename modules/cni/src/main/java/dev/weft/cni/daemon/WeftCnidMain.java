package dev.weft.cni.daemon;

import dev.weft.linux.LinuxDriver;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Entry point of {@code weft-cnid [--socket PATH] [--log-file PATH]}; the socket defaults to
 * {@code /run/weft/cni.sock}. Runs until killed; SIGTERM removes the socket.
 */
public final class WeftCnidMain {
  public static final String DEFAULT_SOCKET = "/run/weft/cni.sock";

  private WeftCnidMain() {}

  public static void main(String[] args) throws IOException {
    Path socket = Path.of(DEFAULT_SOCKET);
    Optional<Path> logFile = Optional.empty();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--socket" -> socket = Path.of(value(args, ++i));
        case "--log-file" -> logFile = Optional.of(Path.of(value(args, ++i)));
        default -> {
          System.err.println("usage: weft-cnid [--socket PATH] [--log-file PATH]");
          System.exit(2);
        }
      }
    }
    LinuxDriver driver = LinuxDriver.open();
    CniDaemon daemon = new CniDaemon(socket, driver, logFile);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        daemon.close();
      } catch (IOException e) {
        System.err.println("weft-cnid: " + e.getMessage());
      }
    }));
    System.err.println("weft-cnid: serving " + socket);
    daemon.serve();
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      System.err.println("weft-cnid: " + args[i - 1] + " needs a value");
      System.exit(2);
    }
    return args[i];
  }
}
