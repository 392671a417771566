package dev.weft.cni.protocol;

import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.InvalidValueException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code CNI_*} environment of one invocation, validated for its command: ADD and CHECK need
 * CONTAINERID, NETNS and IFNAME; DEL needs CONTAINERID and IFNAME (the netns may be gone); GC needs PATH;
 * VERSION and STATUS need nothing. Missing or malformed variables are code 4, all named in one message.
 */
public record CniEnvironment(
    CniCommand command,
    Optional<String> containerId,
    Optional<Path> netns,
    Optional<InterfaceName> ifName,
    CniArgs args,
    List<Path> path) {

  public CniEnvironment {
    path = List.copyOf(path);
  }

  public static CniEnvironment parse(Map<String, String> env) throws CniException {
    String commandText = env.getOrDefault("CNI_COMMAND", "");
    if (commandText.isEmpty()) {
      throw CniException.invalidEnvironment("CNI_COMMAND is not set");
    }
    CniCommand command = CniCommand.parse(commandText).orElseThrow(() -> CniException.invalidEnvironment(
        "CNI_COMMAND: unknown command '" + commandText + "', expected ADD, DEL, CHECK, GC, STATUS or VERSION"));
    List<String> problems = new ArrayList<>();
    Optional<String> containerId = nonEmpty(env, "CNI_CONTAINERID");
    Optional<String> netns = nonEmpty(env, "CNI_NETNS");
    Optional<String> ifName = nonEmpty(env, "CNI_IFNAME");
    Optional<String> path = nonEmpty(env, "CNI_PATH");
    requireFor(command.needsContainerId(), containerId, "CNI_CONTAINERID", problems);
    requireFor(command.needsNetns(), netns, "CNI_NETNS", problems);
    requireFor(command.needsIfName(), ifName, "CNI_IFNAME", problems);
    requireFor(command.needsPath(), path, "CNI_PATH", problems);
    containerId.filter(id -> !isValidContainerId(id)).ifPresent(id -> problems.add(
        "CNI_CONTAINERID '" + id + "' must start with a letter or digit, followed by letters, digits, '_', '.' or '-'"));
    Optional<InterfaceName> name = Optional.empty();
    if (ifName.isPresent()) {
      try {
        name = Optional.of(new InterfaceName(ifName.get()));
      } catch (InvalidValueException e) {
        problems.add("CNI_IFNAME: " + e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw CniException.invalidEnvironment(String.join("; ", problems));
    }
    CniArgs args = CniArgs.parse(env.getOrDefault("CNI_ARGS", ""));
    List<Path> dirs = new ArrayList<>();
    for (String dir : path.orElse("").split(":")) {
      if (!dir.isEmpty()) {
        dirs.add(Path.of(dir));
      }
    }
    return new CniEnvironment(command, containerId, netns.map(Path::of), name, args, dirs);
  }

  /** The container ID; only call for commands that require it. */
  public String requireContainerId() {
    return containerId.orElseThrow(() -> new IllegalStateException(command + " has no CNI_CONTAINERID"));
  }

  /** The interface name; only call for commands that require it. */
  public InterfaceName requireIfName() {
    return ifName.orElseThrow(() -> new IllegalStateException(command + " has no CNI_IFNAME"));
  }

  static boolean isValidContainerId(String id) {
    if (id.isEmpty() || !isAlnum(id.charAt(0))) {
      return false;
    }
    for (int i = 1; i < id.length(); i++) {
      char c = id.charAt(i);
      if (!isAlnum(c) && c != '_' && c != '.' && c != '-') {
        return false;
      }
    }
    return true;
  }

  private static boolean isAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static Optional<String> nonEmpty(Map<String, String> env, String key) {
    String v = env.get(key);
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
  }

  private static void requireFor(boolean needed, Optional<String> value, String name, List<String> problems) {
    if (needed && value.isEmpty()) {
      problems.add(name + " is required and not set");
    }
  }
}
