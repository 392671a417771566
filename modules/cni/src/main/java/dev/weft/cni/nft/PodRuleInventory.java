package dev.weft.cni.nft;

import dev.weft.cni.protocol.Attachment;
import dev.weft.cni.protocol.json.JsonParseException;
import dev.weft.cni.protocol.json.JsonParser;
import dev.weft.cni.protocol.json.JsonValue;
import dev.weft.cni.protocol.json.JsonValue.JsonArray;
import dev.weft.cni.protocol.json.JsonValue.JsonObject;
import dev.weft.cni.protocol.json.JsonValue.JsonString;
import dev.weft.model.value.IpAddress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads back the pod elements of the {@code weftcni} tables (through {@code nft -j list map}, in the
 * process's own namespace) with the attachment each one's comment names; GC compares them with the
 * runtime's valid list. A missing table or map is an empty inventory.
 */
public final class PodRuleInventory {

  /** One element: a masqueraded address or a guarded port, with its owner. */
  public sealed interface Element {
    Attachment attachment();

    record Masquerade(IpAddress address, Attachment attachment) implements Element {}

    record Port(String hostVeth, Attachment attachment) implements Element {}
  }

  /** The elements whose comment names {@code network}. */
  public List<Element> list(String network) throws IOException {
    List<Element> out = new ArrayList<>();
    for (String family : List.of("ip", "ip6")) {
      for (Keyed k : elements(family, "pods", network)) {
        out.add(new Element.Masquerade(IpAddress.parse(k.key()), k.attachment()));
      }
    }
    for (Keyed k : elements("bridge", "ports", network)) {
      out.add(new Element.Port(k.key(), k.attachment()));
    }
    return out;
  }

  record Keyed(String key, Attachment attachment) {}

  private static List<Keyed> elements(String family, String map, String network) throws IOException {
    Process p = new ProcessBuilder("nft", "-j", "list", "map", family, PodRules.TABLE, map)
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    try {
      if (p.waitFor() != 0) {
        return List.of();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while listing nft map " + map);
    }
    try {
      return parse(JsonParser.parse(new String(out, StandardCharsets.UTF_8)), network);
    } catch (JsonParseException e) {
      throw new IOException("nft -j list map " + family + " " + map + ": " + e.getMessage());
    }
  }

  /** {@code {"nftables":[..., {"map": {..., "elem": [[{"elem": {"val": K, "comment": C}}, V], ...]}}]}}. */
  static List<Keyed> parse(JsonValue json, String network) {
    List<Keyed> out = new ArrayList<>();
    String prefix = "weft:" + network + "/";
    if (!(json instanceof JsonObject root) || !(root.members().get("nftables") instanceof JsonArray items)) {
      return out;
    }
    for (JsonValue item : items.elements()) {
      if (item instanceof JsonObject o && o.members().get("map") instanceof JsonObject map
          && map.members().get("elem") instanceof JsonArray elems) {
        for (JsonValue pair : elems.elements()) {
          keyed(pair, prefix).ifPresent(out::add);
        }
      }
    }
    return out;
  }

  private static Optional<Keyed> keyed(JsonValue pair, String prefix) {
    if (pair instanceof JsonArray a && !a.elements().isEmpty() && a.elements().getFirst() instanceof JsonObject k
        && k.members().get("elem") instanceof JsonObject e && e.members().get("val") instanceof JsonString val
        && e.members().get("comment") instanceof JsonString comment && comment.value().startsWith(prefix)) {
      String[] parts = comment.value().substring(prefix.length()).split("/", 2);
      if (parts.length == 2) {
        return Optional.of(new Keyed(val.value(), new Attachment(parts[0], parts[1])));
      }
    }
    return Optional.empty();
  }
}
