/**
 * The netfilter pipeline of one network namespace: the tables of each hook in priority order, with
 * connection tracking (NEW, ESTABLISHED, nat only for a connection's first packet, translations applied
 * to later packets and undone for replies) and the br_netfilter switch for bridged frames.
 */
@NullMarked
package dev.weft.netfilter.pipeline;

import org.jspecify.annotations.NullMarked;
