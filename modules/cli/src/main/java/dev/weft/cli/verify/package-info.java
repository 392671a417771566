/** {@code weft verify}: policy verification over Kubernetes manifests and iptables-save dumps. */
@NullMarked
package dev.weft.cli.verify;

import org.jspecify.annotations.NullMarked;
