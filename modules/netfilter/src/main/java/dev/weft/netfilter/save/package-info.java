/**
 * Reading {@code iptables-save} output (and the iptables-restore input it is a subset of) into the
 * neutral {@link dev.weft.model.netfilter.Ruleset}, and {@code ipset save} output into ipsets. Bad input
 * becomes a located {@link dev.weft.document.Diagnostic}; unknown matches and targets are kept as
 * {@code Unknown} with a warning, never dropped.
 */
@NullMarked
package dev.weft.netfilter.save;

import org.jspecify.annotations.NullMarked;
