package dev.weft.cni.overlay;

import dev.weft.cni.overlay.OverlayOptions.NodeSubnetSource;
import dev.weft.cni.protocol.CniException;
import dev.weft.cni.protocol.ErrorCode;
import dev.weft.ipam.block.BlockAllocation;
import dev.weft.ipam.block.BlockAllocator;
import dev.weft.ipam.block.BlockPoolConfig;
import dev.weft.ipam.block.FileBlockStore;
import dev.weft.model.value.Cidr;
import dev.weft.model.value.IpFamily;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The node's pod subnet: from the config, or a block of the cluster pool claimed for the node through
 * the block allocator (the claim is the allocation of the block's first handle, {@code node-subnet},
 * so the block stays affine to the node until the node is released).
 */
public final class NodeSubnets {
  static final String HANDLE = "node-subnet";

  private NodeSubnets() {}

  /** The subnet, claiming a block when the node has none yet. */
  public static Cidr resolve(NodeSubnetSource source) throws CniException {
    return switch (source) {
      case NodeSubnetSource.Fixed f -> f.subnet();
      case NodeSubnetSource.FromPool p -> {
        BlockAllocator allocator = allocator(p);
        Optional<Cidr> held = firstBlock(allocator, p);
        if (held.isPresent()) {
          yield held.get();
        }
        try {
          yield switch (allocator.allocate(p.node(), HANDLE, IpFamily.IPV4)) {
            case BlockAllocation.Allocated a -> a.block();
            case BlockAllocation.Exhausted e -> throw new CniException(ErrorCode.Standard.PLUGIN_NOT_AVAILABLE,
                "overlay.clusterPool: no free block for node " + p.node() + ": " + e.why());
          };
        } catch (IOException e) {
          throw CniException.io("overlay.clusterPool store " + p.dataDir(), e);
        }
      }
    };
  }

  /** The subnet without claiming anything (DEL must not allocate); empty when the node has no block. */
  public static Optional<Cidr> existing(NodeSubnetSource source) throws CniException {
    return switch (source) {
      case NodeSubnetSource.Fixed f -> Optional.of(f.subnet());
      case NodeSubnetSource.FromPool p -> firstBlock(allocator(p), p);
    };
  }

  private static Optional<Cidr> firstBlock(BlockAllocator allocator, NodeSubnetSource.FromPool p) {
    return allocator.blocksOf(p.node()).stream().filter(c -> c.family() == IpFamily.IPV4).findFirst();
  }

  private static BlockAllocator allocator(NodeSubnetSource.FromPool p) throws CniException {
    try {
      BlockPoolConfig config = new BlockPoolConfig(List.copyOf(p.pools()), p.blockPrefix(),
          BlockPoolConfig.DEFAULT_IPV6_BLOCK, true);
      return new BlockAllocator(config, new FileBlockStore(p.dataDir()));
    } catch (IllegalArgumentException e) {
      throw CniException.invalidConfig("overlay.clusterPool: " + e.getMessage());
    } catch (IOException e) {
      throw CniException.io("overlay.clusterPool store " + p.dataDir(), e);
    }
  }
}
