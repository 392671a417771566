/**
 * Renderers of the rule-set algebra: {@code iptables-restore} input (the same text iptables-save writes)
 * and an {@code nft -f} script.
 */
@NullMarked
package dev.weft.netfilter.render;

import org.jspecify.annotations.NullMarked;
