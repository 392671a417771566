package dev.weft.ipam.node;

import dev.weft.ipam.range.RangeSet;
import dev.weft.model.value.IpAddress;
import java.util.List;

/**
 * What an ADD's allocation came to. Exhaustion and unavailable requested addresses are ordinary outcomes,
 * not exceptions: the caller decides how to report them. On any outcome other than {@link Allocated}
 * nothing is left reserved.
 */
public sealed interface AllocationOutcome {

  /** One lease per range set, in range-set order. */
  record Allocated(List<Lease> leases) implements AllocationOutcome {
    public Allocated {
      leases = List.copyOf(leases);
    }
  }

  /** Range set {@code index} has no free address. */
  record Exhausted(int index, RangeSet rangeSet) implements AllocationOutcome {}

  /** A requested address cannot be given, or the attachment already holds one in a range set. */
  record Rejected(Reason reason, String message) implements AllocationOutcome {}

  enum Reason {
    /** The requested address is in no range set. */
    NOT_IN_RANGE,
    /** The requested address is the gateway, the network or the broadcast address. */
    RESERVED,
    /** The requested address is held by another attachment. */
    TAKEN,
    /** The attachment already holds an address in the range set (ADD twice without DEL). */
    DUPLICATE
  }

  static Rejected rejected(Reason reason, IpAddress ip, String why) {
    return new Rejected(reason, "requested IP address " + ip + " " + why);
  }
}
