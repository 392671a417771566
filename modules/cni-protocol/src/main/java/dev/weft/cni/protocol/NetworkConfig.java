package dev.weft.cni.protocol;

import dev.weft.cni.protocol.json.JsonParseException;
import dev.weft.cni.protocol.json.JsonParser;
import dev.weft.cni.protocol.json.JsonValue;
import dev.weft.cni.protocol.json.JsonValue.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One plugin's network config as the runtime hands it over on stdin: the plugin object with the keys the
 * runtime inserts ({@code name}, {@code cniVersion}, {@code runtimeConfig}, {@code prevResult}, and for GC
 * {@code cni.dev/valid-attachments} or the older {@code cni.dev/attachments}). {@link #root()} gives
 * plugin-specific keys with field paths for error messages.
 *
 * @param validAttachments present only when the runtime sent an attachment list (GC)
 */
public record NetworkConfig(
    CniVersion cniVersion,
    String name,
    String type,
    JsonObject raw,
    JsonObject runtimeConfig,
    Optional<JsonObject> prevResult,
    JsonObject args,
    Map<String, Boolean> capabilities,
    Optional<List<Attachment>> validAttachments) {

  public NetworkConfig {
    capabilities = Map.copyOf(capabilities);
    validAttachments = validAttachments.map(List::copyOf);
  }

  /** Parses stdin. Malformed JSON is code 6; an unsupported or missing cniVersion is code 1; bad keys 7. */
  public static NetworkConfig parse(byte[] stdin) throws CniException {
    JsonValue value;
    try {
      value = JsonParser.parse(stdin);
    } catch (JsonParseException e) {
      throw new CniException(ErrorCode.Standard.DECODING_FAILURE, "network config on stdin: " + e.getMessage());
    }
    return fromJson(value);
  }

  public static NetworkConfig fromJson(JsonValue value) throws CniException {
    ConfigNode root = ConfigNode.root(value);
    JsonObject raw = root.asObject();
    CniVersion version = parseVersion(root);
    String name = root.require("name").asString();
    if (!CniEnvironment.isValidContainerId(name)) {
      throw root.require("name").error("'" + name
          + "' must start with a letter or digit, followed by letters, digits, '_', '.' or '-'");
    }
    String type = root.field("type").isPresent() ? root.require("type").asString() : "";
    JsonObject runtimeConfig = objectOrEmpty(root, "runtimeConfig");
    Optional<JsonObject> prevResult = root.field("prevResult").isPresent()
        ? Optional.of(root.require("prevResult").asObject()) : Optional.empty();
    JsonObject args = objectOrEmpty(root, "args");
    Map<String, Boolean> capabilities = new LinkedHashMap<>();
    if (root.field("capabilities").isPresent()) {
      ConfigNode caps = root.require("capabilities");
      for (String key : caps.asObject().members().keySet()) {
        capabilities.put(key, caps.require(key).asBoolean());
      }
    }
    Optional<List<Attachment>> attachments = attachments(root, "cni.dev/valid-attachments");
    if (attachments.isEmpty()) {
      attachments = attachments(root, "cni.dev/attachments");
    }
    return new NetworkConfig(version, name, type, raw, runtimeConfig, prevResult, args, capabilities, attachments);
  }

  /** The config with field paths, for plugin-specific keys. */
  public ConfigNode root() {
    return ConfigNode.root(raw);
  }

  /** The {@code ipam} section, when there is one. */
  public Optional<ConfigNode> ipam() throws CniException {
    return root().field("ipam");
  }

  /** {@code runtimeConfig}, where the runtime puts the values of the capabilities the config declares. */
  public ConfigNode runtimeConfigNode() {
    return new ConfigNode(runtimeConfig, "runtimeConfig");
  }

  private static CniVersion parseVersion(ConfigNode root) throws CniException {
    Optional<ConfigNode> field = root.field("cniVersion");
    if (field.isEmpty()) {
      throw CniException.incompatibleVersion("cniVersion is missing (that means 0.1.0, which weft does not"
          + " support); supported versions: " + CniVersion.SUPPORTED);
    }
    String text = field.get().asString();
    CniVersion v = CniVersion.parse(text).orElseThrow(() -> CniException.incompatibleVersion(
        "cniVersion '" + text + "' is not a version like 1.1.0; supported versions: " + CniVersion.SUPPORTED));
    if (!v.isSupported()) {
      throw CniException.incompatibleVersion(
          "incompatible CNI versions: config is " + v + ", plugin supports " + CniVersion.SUPPORTED);
    }
    return v;
  }

  private static JsonObject objectOrEmpty(ConfigNode root, String key) throws CniException {
    Optional<ConfigNode> f = root.field(key);
    return f.isPresent() ? f.get().asObject() : JsonObject.EMPTY;
  }

  private static Optional<List<Attachment>> attachments(ConfigNode root, String key) throws CniException {
    Optional<ConfigNode> f = root.field(key);
    if (f.isEmpty()) {
      return Optional.empty();
    }
    List<Attachment> out = new ArrayList<>();
    for (ConfigNode element : f.get().asList()) {
      out.add(new Attachment(element.require("containerID").asString(), element.require("ifname").asString()));
    }
    return Optional.of(out);
  }
}
