/** The node daemon {@code weft-cnid}: serves CNI invocations over a root-only unix socket. */
@NullMarked
package dev.weft.cni.daemon;

import org.jspecify.annotations.NullMarked;
