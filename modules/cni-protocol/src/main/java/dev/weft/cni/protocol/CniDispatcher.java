package dev.weft.cni.protocol;

import dev.weft.cni.protocol.json.JsonParseException;
import dev.weft.cni.protocol.json.JsonParser;
import dev.weft.cni.protocol.json.JsonValue;
import dev.weft.cni.protocol.json.JsonValue.JsonObject;
import dev.weft.cni.protocol.json.JsonValue.JsonString;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The CNI protocol around a {@link CniPlugin}: reads the environment and stdin, checks the command
 * against the config's cniVersion (CHECK needs 0.4.0, GC and STATUS 1.1.0: code 1 otherwise), dispatches,
 * and prints exactly one JSON document (the ADD result, the VERSION answer, or the error) to stdout.
 * Exit code 0 on success, 1 on any error, as the Go skel does.
 */
public final class CniDispatcher {
  private final CniPlugin plugin;
  private final CniLog log;

  public CniDispatcher(CniPlugin plugin, CniLog log) {
    this.plugin = plugin;
    this.log = log;
  }

  /**
   * Runs a plugin as a process: stdout is kept for the reply and {@code System.out} is pointed at stderr,
   * so that a stray print anywhere cannot corrupt the JSON the runtime parses. Exits the JVM.
   */
  public static void runMain(CniPlugin plugin, CniLog log) {
    PrintStream reply = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
    System.setOut(System.err);
    int code = new CniDispatcher(plugin, log).run(System.getenv(), System.in, reply);
    reply.flush();
    System.err.flush();
    // halt, not exit: System.exit initialises the JDK's logging (Runtime.exit is a loggable event),
    // which costs a noticeable part of a plugin's run; there are no shutdown hooks to run
    Runtime.getRuntime().halt(code);
  }

  /** One invocation; returns the exit code. */
  public int run(Map<String, String> env, InputStream stdin, OutputStream stdout) {
    byte[] input = new byte[0];
    Optional<CniVersion> configVersion = Optional.empty();
    try {
      input = stdin.readAllBytes();
      CniEnvironment environment = CniEnvironment.parse(env);
      if (environment.command() == CniCommand.VERSION) {
        CniVersion asked = requestedVersion(input).filter(plugin.supportedVersions()::contains)
            .orElse(CniVersion.LATEST);
        print(stdout, new VersionInfo(asked, plugin.supportedVersions()).toJson());
        return 0;
      }
      NetworkConfig config = NetworkConfig.parse(input);
      configVersion = Optional.of(config.cniVersion());
      checkVersion(environment.command(), config.cniVersion());
      CniRequest request = new CniRequest(environment, config);
      log.debug(environment.command() + " " + environment.containerId().orElse("-") + " "
          + environment.ifName().map(Object::toString).orElse("-") + " network " + config.name());
      dispatch(request, stdout);
      return 0;
    } catch (CniException e) {
      log.error(e.getMessage(), e);
      printError(stdout, ErrorReply.of(replyVersion(configVersion, input), e));
      return 1;
    } catch (IOException e) {
      log.error("I/O failure: " + e.getMessage(), e);
      printError(stdout, ErrorReply.of(replyVersion(configVersion, input), CniException.io("I/O failure", e)));
      return 1;
    } catch (RuntimeException e) {
      log.error("internal error: " + e, e);
      printError(stdout, new ErrorReply(replyVersion(configVersion, input), ErrorCode.PluginCode.INTERNAL,
          "internal error in " + plugin.about() + ": " + e, "set WEFT_CNI_DEBUG=1 for a stack trace"));
      return 1;
    }
  }

  /**
   * The version an error is answered in: the config's, or, when the error came before the config was
   * read (even one about the environment), the cniVersion the caller wrote when weft supports it.
   * Worked out only on the error path, so a served ADD or DEL parses stdin once.
   */
  private static CniVersion replyVersion(Optional<CniVersion> configVersion, byte[] input) {
    if (configVersion.isPresent()) {
      return configVersion.get();
    }
    return requestedVersion(input).filter(CniVersion::isSupported).orElse(CniVersion.LATEST);
  }

  private void dispatch(CniRequest request, OutputStream stdout) throws CniException, IOException {
    switch (request.env().command()) {
      case ADD -> print(stdout, plugin.add(request).toJson(request.config().cniVersion()));
      case DEL -> plugin.del(request);
      case CHECK -> plugin.check(request);
      case GC -> plugin.gc(request);
      case STATUS -> plugin.status(request);
      case VERSION -> throw new IllegalStateException("VERSION is answered before the config is read");
    }
  }

  private void checkVersion(CniCommand command, CniVersion version) throws CniException {
    if (!plugin.supportedVersions().contains(version)) {
      throw CniException.incompatibleVersion("incompatible CNI versions: config is " + version
          + ", plugin supports " + plugin.supportedVersions());
    }
    if (!version.atLeast(command.since())) {
      throw CniException.incompatibleVersion(
          "config version " + version + " does not allow " + command + " (it needs " + command.since() + " or later)");
    }
  }

  /** The cniVersion of the input, when it is a JSON object with one; VERSION tolerates anything else. */
  private static Optional<CniVersion> requestedVersion(byte[] input) {
    try {
      JsonValue v = JsonParser.parse(input);
      if (v instanceof JsonObject o && o.members().get("cniVersion") instanceof JsonString s) {
        return CniVersion.parse(s.value());
      }
    } catch (JsonParseException e) {
      // VERSION with no or broken stdin answers in the latest version
    }
    return Optional.empty();
  }

  private static void print(OutputStream stdout, JsonObject json) throws IOException {
    stdout.write((json.toJson() + "\n").getBytes(StandardCharsets.UTF_8));
    stdout.flush();
  }

  private void printError(OutputStream stdout, ErrorReply reply) {
    try {
      print(stdout, reply.toJson());
    } catch (IOException e) {
      log.warn("cannot write the error reply: " + e.getMessage());
    }
  }
}
