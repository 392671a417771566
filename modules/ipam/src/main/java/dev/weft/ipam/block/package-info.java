/** The cluster allocator: fixed-size blocks from a cluster CIDR with node affinity and per-block atomic bitmaps, behind a {@link dev.weft.ipam.block.BlockStore}. */
@NullMarked
package dev.weft.ipam.block;

import org.jspecify.annotations.NullMarked;
