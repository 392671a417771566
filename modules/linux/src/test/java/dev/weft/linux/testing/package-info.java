/** Test support for privileged driver tests: root gating, unique names, cleanup, iproute2 cross-checks. */
@NullMarked
package dev.weft.linux.testing;

import org.jspecify.annotations.NullMarked;
