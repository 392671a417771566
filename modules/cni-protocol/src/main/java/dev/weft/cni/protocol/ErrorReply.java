package dev.weft.cni.protocol;

import dev.weft.cni.protocol.json.JsonObjectBuilder;
import dev.weft.cni.protocol.json.JsonValue.JsonObject;

/** The error JSON a plugin prints on failure: {@code {cniVersion, code, msg, details}}. */
public record ErrorReply(CniVersion cniVersion, ErrorCode code, String msg, String details) {

  public static ErrorReply of(CniVersion version, CniException e) {
    String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new ErrorReply(version, e.code(), msg, e.details());
  }

  public JsonObject toJson() {
    JsonObjectBuilder b = new JsonObjectBuilder().put("cniVersion", cniVersion.toString())
        .put("code", code.value()).put("msg", msg);
    if (!details.isEmpty()) {
      b.put("details", details);
    }
    return b.build();
  }
}
