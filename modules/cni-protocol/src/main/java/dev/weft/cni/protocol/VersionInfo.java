package dev.weft.cni.protocol;

import dev.weft.cni.protocol.json.JsonObjectBuilder;
import dev.weft.cni.protocol.json.JsonValue.JsonObject;
import java.util.List;

/** The answer to {@code VERSION}: the version the caller asked in, and every version the plugin speaks. */
public record VersionInfo(CniVersion cniVersion, List<CniVersion> supportedVersions) {
  public VersionInfo {
    supportedVersions = List.copyOf(supportedVersions);
  }

  public JsonObject toJson() {
    return new JsonObjectBuilder().put("cniVersion", cniVersion.toString())
        .strings("supportedVersions", supportedVersions).build();
  }
}
