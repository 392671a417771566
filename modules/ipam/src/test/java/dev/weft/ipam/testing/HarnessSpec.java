package dev.weft.ipam.testing;

import dev.weft.ipam.block.BlockPoolConfig;
import dev.weft.ipam.block.FileBlockStore;
import dev.weft.ipam.block.MemoryBlockStore;
import dev.weft.ipam.disk.HostLocalStore;
import dev.weft.ipam.node.MemoryAllocationStore;
import dev.weft.ipam.range.Addresses;
import dev.weft.ipam.range.IpRange;
import dev.weft.ipam.range.RangeSet;
import dev.weft.model.value.Cidr;
import dev.weft.model.value.IpAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * A generated allocator configuration: which allocator and store, and small ranges (so that exhaustion
 * is reached) with random rangeStart/rangeEnd/gateway, optionally dual stack.
 */
public record HarnessSpec(Kind kind, int v4Prefix, int startOffset, int endTrim, int gatewayOffset, boolean dualStack,
    int blockPrefixDelta) {

  public enum Kind { NODE_MEMORY, NODE_DISK, BLOCK_MEMORY, BLOCK_FILE }

  public static Arbitrary<HarnessSpec> specs() {
    return Combinators.combine(
            Arbitraries.of(Kind.class),
            Arbitraries.integers().between(26, 29),
            Arbitraries.integers().between(0, 3),
            Arbitraries.integers().between(0, 3),
            Arbitraries.integers().between(0, 4),
            Arbitraries.of(true, false),
            Arbitraries.integers().between(0, 2))
        .as(HarnessSpec::new);
  }

  public AllocatorHarness open() throws Exception {
    Cidr v4 = Cidr.parse("10.20.30.0/" + v4Prefix);
    Cidr v6 = Cidr.parse("fd00:20::/" + (128 - (32 - v4Prefix)));
    return switch (kind) {
      case NODE_MEMORY -> new NodeHarness(rangeSets(v4, v6), new MemoryAllocationStore(), () -> {});
      case NODE_DISK -> {
        Path dir = Files.createTempDirectory("wt-ipam-prop");
        yield new NodeHarness(rangeSets(v4, v6), HostLocalStore.open(dir, "net"), () -> delete(dir));
      }
      case BLOCK_MEMORY -> new BlockHarness(pools(v4, v6), new MemoryBlockStore(), 3, () -> {});
      case BLOCK_FILE -> {
        Path dir = Files.createTempDirectory("wt-ipam-blocks");
        yield new BlockHarness(pools(v4, v6), new FileBlockStore(dir), 3, () -> delete(dir));
      }
    };
  }

  private List<RangeSet> rangeSets(Cidr v4, Cidr v6) {
    List<RangeSet> out = new ArrayList<>();
    out.add(RangeSet.of(range(v4)));
    if (dualStack) {
      out.add(RangeSet.of(range(v6)));
    }
    return out;
  }

  private IpRange range(Cidr subnet) {
    IpAddress start = Addresses.plus(subnet.network(), startOffset); // may be the network address: skipped
    IpAddress end = subnet.last(); // with endTrim 0 this is the IPv4 broadcast address: skipped
    for (int i = 0; i < endTrim; i++) {
      end = Addresses.previous(end);
    }
    IpAddress gateway = Addresses.plus(subnet.network(), 1 + gatewayOffset);
    return new IpRange(subnet, start, end, gateway);
  }

  private BlockPoolConfig pools(Cidr v4, Cidr v6) {
    int v4Block = Math.min(32, v4Prefix + 1 + blockPrefixDelta);
    int v6Block = Math.min(128, v6.prefixLength() + 1 + blockPrefixDelta);
    List<Cidr> pools = dualStack ? List.of(v4, v6) : List.of(v4);
    return new BlockPoolConfig(pools, v4Block, v6Block, false);
  }

  static void delete(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
