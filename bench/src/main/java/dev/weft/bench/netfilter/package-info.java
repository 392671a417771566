/** Benchmarks of the iptables rule-set parser, evaluator and pipeline on kube-proxy-sized dumps. */
@NullMarked
package dev.weft.bench.netfilter;

import org.jspecify.annotations.NullMarked;
