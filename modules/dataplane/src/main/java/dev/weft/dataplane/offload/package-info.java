/**
 * Checksum and segmentation offload in userspace: finishing checksums a kernel left partial, and (with
 * virtio-net headers on the TAPs) splitting large TCP segments into frames and merging them back.
 */
@NullMarked
package dev.weft.dataplane.offload;

import org.jspecify.annotations.NullMarked;
