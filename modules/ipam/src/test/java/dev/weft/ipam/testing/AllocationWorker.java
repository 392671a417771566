package dev.weft.ipam.testing;

import dev.weft.cni.protocol.Attachment;
import dev.weft.ipam.disk.HostLocalStore;
import dev.weft.ipam.node.AllocationOutcome;
import dev.weft.ipam.node.NodeAllocator;
import dev.weft.ipam.range.IpRange;
import dev.weft.ipam.range.RangeSet;
import dev.weft.model.value.Cidr;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A separate process for the multi-process tests: {@code AllocationWorker DATA_DIR NAME COUNT CHURN}
 * allocates COUNT addresses on the shared on-disk store, one flock'd allocation at a time, for owners
 * NAME-0 .. NAME-(COUNT-1); with CHURN it releases each again and loops forever (until killed).
 * Prints "done" when finished.
 */
public final class AllocationWorker {
  public static final String SUBNET = "10.128.0.0/16";

  private AllocationWorker() {}

  public static NodeAllocator allocator(Path dataDir) throws Exception {
    return new NodeAllocator(List.of(RangeSet.of(IpRange.ofSubnet(Cidr.parse(SUBNET)))),
        HostLocalStore.open(dataDir, "wtconc"));
  }

  public static void main(String[] args) throws Exception {
    NodeAllocator allocator = allocator(Path.of(args[0]));
    String name = args[1];
    int count = Integer.parseInt(args[2]);
    boolean churn = Boolean.parseBoolean(args[3]);
    do {
      for (int i = 0; i < count; i++) {
        Attachment owner = new Attachment(name + "-" + i, "eth0");
        AllocationOutcome o = allocator.allocate(owner, List.of(), Optional.empty());
        if (!(o instanceof AllocationOutcome.Allocated)) {
          System.out.println("failed " + o);
          System.exit(2);
        }
        if (churn) {
          allocator.release(owner);
        }
      }
    } while (churn);
    System.out.println("done");
  }
}
