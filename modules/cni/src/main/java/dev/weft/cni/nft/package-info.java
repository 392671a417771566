/** The plugin's nftables rules: masquerade per pod address and MAC spoof checks, as set elements. */
@NullMarked
package dev.weft.cni.nft;

import org.jspecify.annotations.NullMarked;
