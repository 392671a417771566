package dev.weft.cni.overlay;

import dev.weft.cni.plugin.WeftCodes;
import dev.weft.cni.protocol.CniException;
import dev.weft.cni.protocol.ConfigNode;
import dev.weft.cni.protocol.json.JsonParseException;
import dev.weft.cni.protocol.json.JsonParser;
import dev.weft.model.value.Cidr;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Mac;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The overlay's peers file, written by the controller (for now by hand or a script); the node's own
 * entry may be listed too and is skipped by address:
 *
 * <pre>{@code
 * {"peers": [
 *   {"node": "node-b", "address": "192.168.10.12", "subnet": "10.244.2.0/24"},
 *   {"node": "node-c", "address": "192.168.10.13", "subnet": "10.244.3.0/24", "vtepMac": "0e:00:00:00:00:03"}]}
 * }</pre>
 *
 * {@code vtepMac} defaults to {@link Peer#defaultVtepMac}, which is also the MAC weft gives its own
 * device, so a file need not carry MACs at all. A missing file means no peers yet; a malformed one is
 * code 113 naming the file and the field.
 */
public final class PeersFile {
  private PeersFile() {}

  public static List<Peer> read(Path file) throws CniException {
    byte[] text;
    try {
      text = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new CniException(WeftCodes.BAD_PEERS_FILE, "overlay.peersFile " + file + ": " + e.getMessage());
    }
    try {
      return parse(ConfigNode.root(JsonParser.parse(text)));
    } catch (JsonParseException e) {
      throw new CniException(WeftCodes.BAD_PEERS_FILE, "overlay.peersFile " + file + ": " + e.getMessage());
    } catch (CniException e) {
      throw new CniException(WeftCodes.BAD_PEERS_FILE, "overlay.peersFile " + file + ": " + e.getMessage());
    }
  }

  static List<Peer> parse(ConfigNode root) throws CniException {
    List<Peer> peers = new ArrayList<>();
    for (ConfigNode p : root.require("peers").asList()) {
      IpAddress address = p.require("address").asValue(IpAddress::parse);
      if (!address.isIpv4()) {
        throw p.require("address").error("expected an IPv4 address (the overlay runs over IPv4)");
      }
      Cidr subnet = p.require("subnet").asValue(Cidr::parse);
      Optional<ConfigNode> mac = p.field("vtepMac");
      String node = p.field("node").isPresent() ? p.require("node").asString() : address.toString();
      peers.add(new Peer(node, address, subnet,
          mac.isPresent() ? mac.get().asValue(Mac::parse) : Peer.defaultVtepMac(address)));
    }
    for (int i = 0; i < peers.size(); i++) {
      for (int j = i + 1; j < peers.size(); j++) {
        if (peers.get(i).subnet().overlaps(peers.get(j).subnet())) {
          throw CniException.invalidConfig("peers[" + i + "].subnet " + peers.get(i).subnet()
              + " overlaps peers[" + j + "].subnet " + peers.get(j).subnet());
        }
      }
    }
    return peers;
  }
}
