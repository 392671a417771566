package dev.weft.cni.testing;

import java.nio.file.Path;

/** Network configs as a runtime sends them (one plugin object of a conflist, name and version inserted). */
public final class Configs {
  private Configs() {}

  public static String bridge(String version, String network, String bridge, String subnet, Path dataDir,
      String extra) {
    return "{\"cniVersion\":\"" + version + "\",\"name\":\"" + network + "\",\"type\":\"weft\",\"bridge\":\""
        + bridge + "\",\"isGateway\":true" + (extra.isEmpty() ? "" : "," + extra)
        + ",\"ipam\":{\"type\":\"weft-ipam\",\"dataDir\":\"" + dataDir + "\",\"ranges\":[[{\"subnet\":\"" + subnet
        + "\"}]],\"routes\":[{\"dst\":\"0.0.0.0/0\"}]}}";
  }

  public static String mode(String version, String network, String mode) {
    return "{\"cniVersion\":\"" + version + "\",\"name\":\"" + network + "\",\"type\":\"weft\",\"mode\":\"" + mode
        + "\"}";
  }

  /** The same config with {@code key: value} (raw JSON) added as the last member. */
  public static String with(String config, String key, String rawValue) {
    return config.substring(0, config.lastIndexOf('}')) + ",\"" + key + "\":" + rawValue + "}";
  }
}
