package dev.weft.ipam.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.cni.protocol.Attachment;
import dev.weft.ipam.range.IpRange;
import dev.weft.ipam.range.RangeSet;
import dev.weft.model.value.Cidr;
import dev.weft.model.value.IpAddress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NodeAllocatorGcTest {

  /** A store whose release of one address fails, as a read-only or broken file would. */
  static final class FailingStore implements AllocationStore {
    final MemoryAllocationStore inner = new MemoryAllocationStore();
    final IpAddress broken;

    FailingStore(IpAddress broken) {
      this.broken = broken;
    }

    @Override
    public <T> T locked(Action<T> action) throws IOException {
      return inner.locked(action);
    }

    @Override
    public Map<IpAddress, Attachment> allocations() {
      return inner.allocations();
    }

    @Override
    public boolean reserve(IpAddress ip, Attachment owner, int set, Optional<Path> netns) {
      return inner.reserve(ip, owner, set, netns);
    }

    @Override
    public Optional<IpAddress> lastReserved(int set) {
      return inner.lastReserved(set);
    }

    @Override
    public boolean release(IpAddress ip) throws IOException {
      if (ip.equals(broken)) {
        throw new IOException("permission denied");
      }
      return inner.release(ip);
    }

    @Override
    public Optional<Path> netns(IpAddress ip) {
      return inner.netns(ip);
    }
  }

  @Test
  void gcGoesOnPastAFailureAndReportsIt() throws Exception {
    FailingStore store = new FailingStore(IpAddress.parse("10.0.0.3"));
    NodeAllocator a = new NodeAllocator(List.of(RangeSet.of(IpRange.ofSubnet(Cidr.parse("10.0.0.0/24")))), store);
    for (String id : List.of("keep", "gone1", "gone2", "gone3")) {
      a.allocate(new Attachment(id, "eth0"), List.of(), Optional.empty()); // .2 .3 .4 .5
    }
    GcReport report = a.collectGarbage(List.of(new Attachment("keep", "eth0")), false);
    assertThat(report.freed()).containsExactly(IpAddress.parse("10.0.0.4"), IpAddress.parse("10.0.0.5"));
    assertThat(report.errors()).singleElement().asString().contains("10.0.0.3", "gone1/eth0", "permission denied");
  }

  @Test
  void legacyOwnersAreValidByContainerId() throws Exception {
    MemoryAllocationStore store = new MemoryAllocationStore();
    NodeAllocator a = new NodeAllocator(List.of(RangeSet.of(IpRange.ofSubnet(Cidr.parse("10.0.0.0/24")))), store);
    store.locked(() -> store.reserve(IpAddress.parse("10.0.0.9"), new Attachment("old", ""), 0, Optional.empty()));
    assertThat(a.collectGarbage(List.of(new Attachment("old", "net1")), false).freed()).isEmpty();
    assertThat(a.collectGarbage(List.of(), false).freed()).containsExactly(IpAddress.parse("10.0.0.9"));
  }
}
