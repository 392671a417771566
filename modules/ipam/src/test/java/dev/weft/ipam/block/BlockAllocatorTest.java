package dev.weft.ipam.block;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.ipam.block.BlockAllocation.Allocated;
import dev.weft.ipam.block.BlockAllocation.Exhausted;
import dev.weft.model.value.Cidr;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.IpFamily;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockAllocatorTest {
  static final Cidr POOL = Cidr.parse("10.244.0.0/24");

  static BlockAllocator allocator(boolean strict) throws Exception {
    return new BlockAllocator(new BlockPoolConfig(List.of(POOL, Cidr.parse("fd00:244::/120")), 26, 122, strict),
        new MemoryBlockStore());
  }

  static Allocated ok(BlockAllocation a) {
    assertThat(a).isInstanceOf(Allocated.class);
    return (Allocated) a;
  }

  @Test
  void defaultsAreSlash26AndSlash122() {
    BlockPoolConfig c = BlockPoolConfig.of(List.of(POOL), false);
    assertThat(c.blockPrefix(IpFamily.IPV4)).isEqualTo(26);
    assertThat(c.blockPrefix(IpFamily.IPV6)).isEqualTo(122);
  }

  @Test
  void eachNodeGetsItsOwnBlockAndAllocatesThereFirst() throws Exception {
    BlockAllocator a = allocator(false);
    Allocated first = ok(a.allocate("n1", "p1", IpFamily.IPV4));
    Allocated other = ok(a.allocate("n2", "p2", IpFamily.IPV4));
    Allocated second = ok(a.allocate("n1", "p3", IpFamily.IPV4));
    assertThat(first.block()).isEqualTo(Cidr.parse("10.244.0.0/26"));
    assertThat(first.address()).isEqualTo(IpAddress.parse("10.244.0.1")); // .0 is the pool's network address
    assertThat(other.block()).isEqualTo(Cidr.parse("10.244.0.64/26"));
    assertThat(second.block()).isEqualTo(first.block());
    assertThat(a.blocksOf("n1")).containsExactly(Cidr.parse("10.244.0.0/26"));
    assertThat(a.owner(second.address())).contains("n1/p3");
  }

  @Test
  void aFullBlockMakesTheNodeClaimAnother() throws Exception {
    BlockAllocator a = allocator(false);
    for (int i = 0; i < 63; i++) {
      assertThat(ok(a.allocate("n1", "p" + i, IpFamily.IPV4)).block()).isEqualTo(Cidr.parse("10.244.0.0/26"));
    }
    assertThat(ok(a.allocate("n1", "p63", IpFamily.IPV4)).block()).isEqualTo(Cidr.parse("10.244.0.64/26"));
  }

  @Test
  void borrowsWhenThePoolIsClaimedUnlessStrict() throws Exception {
    for (boolean strict : List.of(false, true)) {
      BlockAllocator a = allocator(strict);
      for (int n = 0; n < 4; n++) {
        ok(a.allocate("n" + n, "p", IpFamily.IPV4)); // every /26 of the /24 is now claimed
      }
      BlockAllocation late = a.allocate("late", "p", IpFamily.IPV4);
      if (strict) {
        assertThat(late).isInstanceOf(Exhausted.class);
        assertThat(((Exhausted) late).why()).contains("strict affinity");
      } else {
        assertThat(ok(late).borrowed()).isTrue();
      }
    }
  }

  @Test
  void exhaustionIsAValueNamingThePool() throws Exception {
    BlockAllocator a = allocator(false);
    Set<IpAddress> seen = new HashSet<>();
    for (int i = 0; i < 254; i++) {
      assertThat(seen.add(ok(a.allocate("n" + (i % 3), "p" + i, IpFamily.IPV4)).address())).isTrue();
    }
    assertThat(seen).doesNotContain(IpAddress.parse("10.244.0.0"), IpAddress.parse("10.244.0.255"));
    BlockAllocation full = a.allocate("n0", "more", IpFamily.IPV4);
    assertThat(full).isEqualTo(new Exhausted(POOL, "every address of 10.244.0.0/24 is allocated"));
  }

  @Test
  void releasingANodeFreesItsAddressesAndBlocks() throws Exception {
    BlockAllocator a = allocator(true);
    Allocated x = ok(a.allocate("n1", "p1", IpFamily.IPV4));
    ok(a.allocate("n1", "p2", IpFamily.IPV6));
    assertThat(a.releaseNode("n1")).containsExactly(Cidr.parse("10.244.0.0/26"), Cidr.parse("fd00:244::/122"));
    assertThat(a.blocksOf("n1")).isEmpty();
    assertThat(a.owner(x.address())).isEmpty();
    assertThat(ok(a.allocate("n2", "p", IpFamily.IPV4)).block()).isEqualTo(Cidr.parse("10.244.0.0/26"));
  }

  @Test
  void dualStackGivesOneAddressPerPool() throws Exception {
    List<BlockAllocation> both = allocator(false).allocateAll("n1", "pod");
    assertThat(both).hasSize(2);
    assertThat(ok(both.get(0)).address().family()).isEqualTo(IpFamily.IPV4);
    assertThat(ok(both.get(1)).address().family()).isEqualTo(IpFamily.IPV6);
  }

  @Test
  void theFileStoreSurvivesARestart(@TempDir Path dir) throws Exception {
    BlockPoolConfig config = BlockPoolConfig.of(List.of(POOL), false);
    BlockAllocator a = new BlockAllocator(config, new FileBlockStore(dir));
    Allocated x = ok(a.allocate("n1", "p1", IpFamily.IPV4));
    Allocated y = ok(a.allocate("n2", "p2", IpFamily.IPV4));
    a.release(y.address());
    BlockAllocator restarted = new BlockAllocator(config, new FileBlockStore(dir));
    assertThat(restarted.owner(x.address())).contains("n1/p1");
    assertThat(restarted.owner(y.address())).isEmpty();
    assertThat(restarted.blocksOf("n2")).containsExactly(Cidr.parse("10.244.0.64/26"));
    Allocated z = ok(restarted.allocate("n1", "p3", IpFamily.IPV4));
    assertThat(z.address()).isNotEqualTo(x.address());
    assertThat(z.block()).isEqualTo(x.block());
  }

  @Test
  void twoAllocatorsOnOneStoreCannotClaimTheSameBlock(@TempDir Path dir) throws Exception {
    BlockPoolConfig config = BlockPoolConfig.of(List.of(POOL), true);
    BlockAllocator a = new BlockAllocator(config, new FileBlockStore(dir));
    BlockAllocator b = new BlockAllocator(config, new FileBlockStore(dir));
    Cidr ofA = ok(a.allocate("na", "p", IpFamily.IPV4)).block();
    Cidr ofB = ok(b.allocate("nb", "p", IpFamily.IPV4)).block();
    assertThat(ofB).isNotEqualTo(ofA);
  }

  @Test
  void concurrentAllocationsAreDistinct() throws Exception {
    BlockAllocator a = new BlockAllocator(
        new BlockPoolConfig(List.of(Cidr.parse("10.8.0.0/20")), 26, 122, false), new MemoryBlockStore());
    ConcurrentLinkedQueue<IpAddress> got = new ConcurrentLinkedQueue<>();
    Thread[] threads = new Thread[8];
    for (int t = 0; t < threads.length; t++) {
      String node = "n" + (t % 3);
      int id = t;
      threads[t] = Thread.ofPlatform().start(() -> {
        for (int i = 0; i < 500; i++) {
          try {
            if (a.allocate(node, id + "-" + i, IpFamily.IPV4) instanceof Allocated ok) {
              got.add(ok.address());
            }
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        }
      });
    }
    for (Thread t : threads) {
      t.join();
    }
    assertThat(got).hasSize(4000).doesNotHaveDuplicates();
  }
}
