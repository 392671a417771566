package dev.weft.topology.convert;

import dev.weft.model.Interface;
import dev.weft.model.InterfaceKind;
import dev.weft.model.InterfaceRef;
import dev.weft.model.value.InterfaceAddress;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.Mac;
import dev.weft.model.value.Mtu;
import dev.weft.model.value.Name;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * How generated devices are named and addressed. Names and MACs are derived from stable inputs (never
 * random), so that a topology converts to the same model on every run, as the deployed devices will be.
 */
final class Devices {
  static final InterfaceName LO = InterfaceName.of("lo");
  static final InterfaceName ETH0 = InterfaceName.of("eth0");
  private static final List<InterfaceAddress> LOOPBACK_ADDRESSES =
      List.of(InterfaceAddress.parse("127.0.0.1/8"), InterfaceAddress.parse("::1/128"));

  private Devices() {}

  /** Every namespace's loopback: 127.0.0.1/8 and ::1/128, MTU 65536, the all-zero MAC as Linux shows it. */
  static Interface loopback(Name namespace) {
    return new Interface(new InterfaceRef(namespace, LO), new InterfaceKind.Loopback(), Mac.ZERO, Mtu.LOOPBACK,
        LOOPBACK_ADDRESSES, true);
  }

  /** The default MAC: {@code Mac.derivedFrom(topology/namespace/interface)}. */
  static Mac mac(Name topology, InterfaceRef ref) {
    return Mac.derivedFrom(topology + "/" + ref.namespace() + "/" + ref.name());
  }

  static Mac mac(Name topology, InterfaceRef ref, Optional<Mac> chosen) {
    return chosen.orElseGet(() -> mac(topology, ref));
  }

  /**
   * The host-side name of a veth whose other end is {@code seed} (such as {@code pod1:eth0}): "veth" and
   * 8 hex digits of a hash of the seed, as CNI plugins name them. Always 12 bytes.
   */
  static InterfaceName vethName(String seed) {
    return InterfaceName.of("veth" + HexFormat.of().toHexDigits(fnv1a(seed)));
  }

  /** The gretap device towards {@code peer}: {@code gre-PEER}, or {@code gre-} and a hash when that is too long. */
  static InterfaceName greName(Name peer) {
    String plain = "gre-" + peer;
    return plain.getBytes(StandardCharsets.UTF_8).length <= InterfaceName.MAX_BYTES
        ? InterfaceName.of(plain)
        : InterfaceName.of("gre-" + HexFormat.of().toHexDigits(fnv1a(peer.toString())));
  }

  private static int fnv1a(String seed) {
    int h = 0x811c9dc5;
    for (byte b : seed.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xff)) * 0x01000193;
    }
    return h;
  }
}
