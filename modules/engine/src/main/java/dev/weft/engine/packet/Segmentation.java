package dev.weft.engine.packet;

/**
 * How long a packet is on the wire when it may be a segmentation batch (the kernel's GSO): the userspace
 * dataplane keeps a pod's 64 KiB TCP batch whole through the handlers and cuts it where it leaves, so
 * an MTU check looks at the batch's largest segment, as the kernel's {@code skb_gso_validate_network_len}
 * does. The simulator's packets are never batches ({@link #NONE}).
 */
@FunctionalInterface
public interface Segmentation {
  /** Every packet is one segment. */
  Segmentation NONE = length -> length;

  /** The length of the largest segment of a packet (or frame) whose whole length is {@code length}. */
  int largestSegment(int length);
}
