/** The neutral Kubernetes model the verifier reads: namespaces, pods with their workloads, NetworkPolicy and the admin tiers. Parsers convert into it; analyses read only it. */
@NullMarked
package dev.weft.policy.model;

import org.jspecify.annotations.NullMarked;
