/** The node allocator: host-local's round-robin allocation over range sets, on an {@link dev.weft.ipam.node.AllocationStore} (on disk or in memory). */
@NullMarked
package dev.weft.ipam.node;

import org.jspecify.annotations.NullMarked;
