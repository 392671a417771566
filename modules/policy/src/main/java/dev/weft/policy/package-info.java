/** iptables chains, Kubernetes NetworkPolicy and the policy verifier. */
@NullMarked
package dev.weft.policy;

import org.jspecify.annotations.NullMarked;
