/**
 * The netfilter rule-set algebra: tables, chains, rules, one sealed {@link dev.weft.model.netfilter.Match}
 * algebra and one sealed {@link dev.weft.model.netfilter.Target} family, following iptables(8) and
 * iptables-extensions(8). It is pure data: the iptables-save parser, the iptables-restore and nft
 * renderers, the evaluator and the tracer in {@code dev.weft.netfilter} are its interpreters.
 *
 * <p>Values are canonical so that two rule sets that mean the same as iptables sees them compare equal:
 * a rule's header matches come first in iptables-save order, MARK targets are stored in their
 * {@code --set-xmark} form, user chains are ordered by name and tables left at their defaults are
 * dropped.
 */
@NullMarked
package dev.weft.model.netfilter;

import org.jspecify.annotations.NullMarked;
