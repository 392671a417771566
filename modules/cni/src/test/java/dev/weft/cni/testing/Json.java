package dev.weft.cni.testing;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Reads plugin replies. */
public final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  public static JsonNode parse(String text) {
    return MAPPER.readTree(text);
  }

  /** The pod's address (without prefix) from an ADD result. */
  public static String podAddress(String result) {
    String cidr = parse(result).get("ips").get(0).get("address").asString();
    return cidr.substring(0, cidr.indexOf('/'));
  }

  public static int code(String error) {
    return parse(error).get("code").asInt();
  }
}
