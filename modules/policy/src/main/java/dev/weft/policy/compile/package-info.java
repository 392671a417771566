/** Compiles NetworkPolicy into iptables chains in the Calico/kube-router style and proves the compilation against the semantics. */
@NullMarked
package dev.weft.policy.compile;

import org.jspecify.annotations.NullMarked;
