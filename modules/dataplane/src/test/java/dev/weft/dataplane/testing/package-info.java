/** Test support for the dataplane: pings and hash-checked TCP transfers between namespaces, underlay captures. */
@NullMarked
package dev.weft.dataplane.testing;

import org.jspecify.annotations.NullMarked;
