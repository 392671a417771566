/**
 * The library behind {@code weft verify chains FILE.iptables-save --from IP --to IP ...}: parse a real
 * dump, trace one packet through it and explain the result as text. The CLI only maps options onto a
 * {@link dev.weft.netfilter.verify.ChainsQuery} and prints the {@link dev.weft.netfilter.verify.ChainsReport}.
 */
@NullMarked
package dev.weft.netfilter.verify;

import org.jspecify.annotations.NullMarked;
