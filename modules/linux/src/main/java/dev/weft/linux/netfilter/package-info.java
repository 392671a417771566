/**
 * Applies rendered netfilter rule sets inside a namespace, atomically, through {@code nft -f} or
 * {@code iptables-restore --noflush}, refusing any rule set that touches tables or chains weft does not
 * own.
 */
@NullMarked
package dev.weft.linux.netfilter;

import org.jspecify.annotations.NullMarked;
