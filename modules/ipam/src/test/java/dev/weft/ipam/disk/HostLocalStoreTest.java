package dev.weft.ipam.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.cni.protocol.Attachment;
import dev.weft.ipam.node.AllocationOutcome;
import dev.weft.ipam.node.NodeAllocator;
import dev.weft.ipam.range.IpRange;
import dev.weft.ipam.range.RangeSet;
import dev.weft.model.value.Cidr;
import dev.weft.model.value.IpAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostLocalStoreTest {
  @TempDir Path data;

  static IpAddress ip(String s) {
    return IpAddress.parse(s);
  }

  /** A store as host-local writes it: current and pre-ifname formats, cursor, lock, and IPv6 names. */
  private Path writeHostLocalStore() throws Exception {
    Path dir = Files.createDirectories(data.resolve("pods"));
    Files.writeString(dir.resolve("10.9.0.2"), "aaa\r\neth0");
    Files.writeString(dir.resolve("10.9.0.3"), "bbb\r\nnet1");
    Files.writeString(dir.resolve("10.9.0.4"), "legacy-id\n");
    Files.writeString(dir.resolve("fd00::2"), "aaa\r\neth0");
    Files.writeString(dir.resolve("last_reserved_ip.0"), "10.9.0.4");
    Files.writeString(dir.resolve("lock"), "");
    return dir;
  }

  @Test
  void readsAStoreWrittenByHostLocal() throws Exception {
    writeHostLocalStore();
    HostLocalStore store = HostLocalStore.open(data, "pods");
    Map<IpAddress, Attachment> all = store.locked(store::allocations);
    assertThat(all).containsOnly(
        Map.entry(ip("10.9.0.2"), new Attachment("aaa", "eth0")),
        Map.entry(ip("10.9.0.3"), new Attachment("bbb", "net1")),
        Map.entry(ip("10.9.0.4"), new Attachment("legacy-id", "")),
        Map.entry(ip("fd00::2"), new Attachment("aaa", "eth0")));
    assertThat(store.locked(() -> store.lastReserved(0))).contains(ip("10.9.0.4"));
    assertThat(store.locked(() -> store.lastReserved(1))).isEmpty();
  }

  @Test
  void continuesHostLocalsRoundRobinAndReleasesLegacyOwnersById() throws Exception {
    Path dir = writeHostLocalStore();
    NodeAllocator allocator = new NodeAllocator(
        List.of(RangeSet.of(IpRange.ofSubnet(Cidr.parse("10.9.0.0/24")))), HostLocalStore.open(data, "pods"));
    AllocationOutcome o = allocator.allocate(new Attachment("ccc", "eth0"), List.of(), Optional.empty());
    assertThat(o).isEqualTo(new AllocationOutcome.Allocated(List.of(
        new dev.weft.ipam.node.Lease(ip("10.9.0.5"), IpRange.ofSubnet(Cidr.parse("10.9.0.0/24"))))));
    assertThat(Files.readString(dir.resolve("10.9.0.5"))).isEqualTo("ccc\r\neth0");
    assertThat(Files.readString(dir.resolve("last_reserved_ip.0"))).isEqualTo("10.9.0.5");
    assertThat(allocator.release(new Attachment("legacy-id", "eth0"))).containsExactly(ip("10.9.0.4"));
    assertThat(allocator.release(new Attachment("aaa", "eth0"))).containsExactly(ip("10.9.0.2"), ip("fd00::2"));
    assertThat(dir.resolve("10.9.0.3")).exists();
  }

  @Test
  void leavesNoTemporaryFilesAndCleansUpAKilledWritersLeftovers() throws Exception {
    Path dir = Files.createDirectories(data.resolve("pods"));
    Files.writeString(dir.resolve(HostLocalStore.TEMP_PREFIX + "999-1"), "dead\r\neth0");
    HostLocalStore store = HostLocalStore.open(data, "pods");
    store.locked(() -> store.reserve(ip("10.9.0.7"), new Attachment("x", "eth0"), 0, Optional.of(Path.of("/proc/1/ns/net"))));
    store.locked(store::allocations);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("10.9.0.7", "last_reserved_ip.0", "lock", HostLocalStore.NETNS_DIR);
    }
    assertThat(store.locked(() -> store.netns(ip("10.9.0.7")))).contains(Path.of("/proc/1/ns/net"));
  }

  @Test
  void reserveNeverOverwritesAnotherOwner() throws Exception {
    HostLocalStore store = HostLocalStore.open(data, "pods");
    assertThat(store.locked(() -> store.reserve(ip("10.9.0.7"), new Attachment("a", "eth0"), 0, Optional.empty()))).isTrue();
    assertThat(store.locked(() -> store.reserve(ip("10.9.0.7"), new Attachment("b", "eth0"), 0, Optional.empty()))).isFalse();
    assertThat(Files.readString(data.resolve("pods/10.9.0.7"))).isEqualTo("a\r\neth0");
  }

  @Test
  void aSideFileOfAnEarlierOwnerSaysNothing() throws Exception {
    HostLocalStore store = HostLocalStore.open(data, "pods");
    store.locked(() -> store.reserve(ip("10.9.0.7"), new Attachment("a", "eth0"), 0, Optional.of(Path.of("/run/netns/a"))));
    Files.writeString(data.resolve("pods/10.9.0.7"), "b\r\neth0"); // host-local re-used the address
    assertThat(store.locked(() -> store.netns(ip("10.9.0.7")))).isEmpty();
  }

  /** The listing is kept for one lock hold only: changes by another writer show in the next one. */
  @Test
  void theListingFollowsThisHoldersChangesAndIsReadAgainUnderTheNextLock() throws Exception {
    HostLocalStore store = HostLocalStore.open(data, "pods");
    Attachment a = new Attachment("ctr-a", "eth0");
    store.locked(() -> {
      assertThat(store.allocations()).isEmpty();
      assertThat(store.reserve(ip("10.9.0.5"), a, 0, Optional.empty())).isTrue();
      assertThat(store.allocations()).containsExactly(Map.entry(ip("10.9.0.5"), a));
      assertThat(store.addressesOf(a)).containsExactly(ip("10.9.0.5"));
      assertThat(store.release(ip("10.9.0.5"))).isTrue();
      assertThat(store.allocations()).isEmpty();
      return null;
    });
    // another process (host-local, say) writes between our locks
    Files.writeString(data.resolve("pods/10.9.0.7"), "ctr-b\r\neth1");
    assertThat(store.locked(store::allocations)).containsExactly(Map.entry(ip("10.9.0.7"), new Attachment("ctr-b", "eth1")));
  }

  @Test
  void theCursorIsReplacedWholeWhetherOrNotItExisted() throws Exception {
    HostLocalStore store = HostLocalStore.open(data, "pods");
    Attachment a = new Attachment("ctr-a", "eth0");
    store.locked(() -> store.reserve(ip("10.9.0.5"), a, 0, Optional.empty()));
    assertThat(Files.readString(data.resolve("pods/last_reserved_ip.0"))).isEqualTo("10.9.0.5");
    store.locked(() -> store.reserve(ip("10.9.0.10"), a, 0, Optional.empty()));
    store.locked(() -> store.reserve(ip("10.9.0.9"), a, 0, Optional.empty()));
    assertThat(Files.readString(data.resolve("pods/last_reserved_ip.0"))).isEqualTo("10.9.0.9");
    try (var names = Files.list(data.resolve("pods"))) {
      assertThat(names.map(n -> n.getFileName().toString())).noneMatch(n -> n.startsWith(HostLocalStore.TEMP_PREFIX));
    }
  }

  @Test
  void isUsableOnlyInsideLocked() throws Exception {
    HostLocalStore store = HostLocalStore.open(data, "pods");
    assertThatThrownBy(store::allocations).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void parsesOwnersLikeHostLocal() {
    assertThat(HostLocalStore.parseOwner("  id\r\neth0 \n")).contains(new Attachment("id", "eth0"));
    assertThat(HostLocalStore.parseOwner("id")).contains(new Attachment("id", ""));
    assertThat(HostLocalStore.parseOwner(" \n")).isEmpty();
    assertThat(HostLocalStore.addressNamed("lock")).isEmpty();
    assertThat(HostLocalStore.addressNamed("last_reserved_ip.0")).isEmpty();
    assertThat(HostLocalStore.addressNamed("fd00::1")).contains(ip("fd00::1"));
  }
}
