/** Test support for lab tests: fresh lab names, the bundled topologies, and a Labs instance with a scratch record directory. */
@NullMarked
package dev.weft.lab.testing;

import org.jspecify.annotations.NullMarked;
