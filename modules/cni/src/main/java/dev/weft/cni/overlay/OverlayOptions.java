package dev.weft.cni.overlay;

import dev.weft.model.value.Cidr;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Vni;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The {@code overlay} section of a config in overlay mode.
 *
 * @param backend     the encapsulation: {@code vxlan} (default) or {@code gre}
 * @param dataplane   who forwards: {@code kernel} (default) or {@code weft} (the userspace dataplane)
 * @param underlay    the interface toward the other nodes; default: the one of the default route
 * @param localAddress the node's underlay address; default: the underlay interface's first IPv4 address
 * @param peersFile   the JSON file listing every node's subnet and address ({@link PeersFile})
 * @param nodeSubnet  where the node's pod subnet comes from
 * @param ipamDataDir the host-local store directory for the node subnet's addresses
 */
public record OverlayOptions(
    Backend backend,
    Dataplane dataplane,
    Vni vni,
    int port,
    Optional<InterfaceName> underlay,
    Optional<IpAddress> localAddress,
    Path peersFile,
    NodeSubnetSource nodeSubnet,
    Optional<Path> ipamDataDir) {

  public enum Backend { VXLAN, GRE }

  public enum Dataplane { KERNEL, WEFT }

  /** flannel's port: Linux's own VXLAN default, 8472 (IANA's is 4789). */
  public static final int DEFAULT_PORT = 8472;
  /** GRE-in-UDP's IANA port (RFC 8086), the default of the userspace GRE backend. */
  public static final int GRE_IN_UDP_PORT = 4754;

  /** Where the node's pod subnet comes from. */
  public sealed interface NodeSubnetSource {
    /** Given in the config ({@code overlay.subnet}), as flannel's FLANNEL_SUBNET. */
    record Fixed(Cidr subnet) implements NodeSubnetSource {}

    /** A block of a cluster pool, claimed for {@code node} through the block allocator's store. */
    record FromPool(List<Cidr> pools, int blockPrefix, Path dataDir, String node) implements NodeSubnetSource {
      public FromPool {
        pools = List.copyOf(pools);
      }
    }
  }
}
