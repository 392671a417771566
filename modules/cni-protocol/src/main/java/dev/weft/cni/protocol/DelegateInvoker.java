package dev.weft.cni.protocol;

import dev.weft.cni.protocol.json.JsonParseException;
import dev.weft.cni.protocol.json.JsonParser;
import dev.weft.cni.protocol.json.JsonValue.JsonNumber;
import dev.weft.cni.protocol.json.JsonValue.JsonObject;
import dev.weft.cni.protocol.json.JsonValue.JsonString;
import dev.weft.cni.protocol.result.CniResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;

/**
 * Runs a delegate plugin (typically the IPAM plugin named by {@code ipam.type}) as the runtime would: the
 * binary is looked up in CNI_PATH, gets the caller's CNI_* environment with the command replaced and the
 * same network config on stdin. A delegate's error JSON comes back as a {@link CniException} with the
 * delegate's code, so the caller can pass it on unchanged.
 */
public final class DelegateInvoker {

  /** Runs {@code type} for {@code command}; returns its stdout. */
  public String invoke(String type, CniCommand command, CniEnvironment env, byte[] config) throws CniException {
    Path binary = find(type, env);
    ProcessBuilder pb = new ProcessBuilder(binary.toString());
    Map<String, String> childEnv = pb.environment();
    childEnv.keySet().removeIf(k -> k.startsWith("CNI_"));
    childEnv.put("CNI_COMMAND", command.name());
    env.containerId().ifPresent(v -> childEnv.put("CNI_CONTAINERID", v));
    env.netns().ifPresent(v -> childEnv.put("CNI_NETNS", v.toString()));
    env.ifName().ifPresent(v -> childEnv.put("CNI_IFNAME", v.value()));
    childEnv.put("CNI_ARGS", formatArgs(env.args()));
    StringJoiner path = new StringJoiner(":");
    env.path().forEach(p -> path.add(p.toString()));
    childEnv.put("CNI_PATH", path.toString());
    try {
      Process p = pb.start();
      CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
      try (var in = p.getOutputStream()) {
        in.write(config);
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int exit = p.waitFor();
      if (exit == 0) {
        return out;
      }
      throw delegateError(type, out, new String(err.join(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw CniException.io("running delegate plugin " + binary, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CniException(ErrorCode.Standard.TRY_AGAIN_LATER, "interrupted while running " + binary);
    }
  }

  /** ADD through the delegate; its result, parsed (any supported version). */
  public CniResult add(String type, CniEnvironment env, byte[] config) throws CniException {
    String out = invoke(type, CniCommand.ADD, env, config);
    try {
      return CniResult.fromJson(ConfigNode.root(JsonParser.parse(out)));
    } catch (JsonParseException e) {
      throw new CniException(ErrorCode.Standard.DECODING_FAILURE, "result of delegate " + type + ": " + e.getMessage());
    }
  }

  private static Path find(String type, CniEnvironment env) throws CniException {
    if (type.isEmpty() || type.contains("/") || type.equals(".") || type.equals("..")) {
      throw CniException.invalidConfig("plugin type '" + type + "' must be a plain file name");
    }
    for (Path dir : env.path()) {
      Path candidate = dir.resolve(type);
      if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw CniException.invalidConfig("failed to find plugin \"" + type + "\" in CNI_PATH " + env.path());
  }

  private static CniException delegateError(String type, String stdout, String stderr) {
    try {
      if (JsonParser.parse(stdout) instanceof JsonObject o
          && o.members().get("code") instanceof JsonNumber code
          && o.members().get("msg") instanceof JsonString msg) {
        String details = o.members().get("details") instanceof JsonString d ? d.value() : "";
        return new CniException(ErrorCode.of(code.value().intValueExact()), msg.value(), details);
      }
    } catch (JsonParseException | ArithmeticException | IllegalArgumentException notAnError) {
      // fall through: the delegate did not speak CNI
    }
    return new CniException(ErrorCode.PluginCode.INTERNAL, "delegate plugin " + type + " failed: "
        + firstLine(stdout).or(() -> firstLine(stderr)).orElse("no output"));
  }

  private static Optional<String> firstLine(String s) {
    String t = s.strip();
    int nl = t.indexOf('\n');
    return t.isEmpty() ? Optional.empty() : Optional.of(nl < 0 ? t : t.substring(0, nl));
  }

  private static String formatArgs(CniArgs args) {
    StringJoiner j = new StringJoiner(";");
    args.values().forEach((k, v) -> j.add(k + "=" + v));
    return j.toString();
  }

  private static byte[] readAll(InputStream in) {
    try {
      return in.readAllBytes();
    } catch (IOException e) {
      return new byte[0];
    }
  }

}
