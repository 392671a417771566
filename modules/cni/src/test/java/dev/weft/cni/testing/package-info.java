/** Test support: run the built plugin as a runtime does, inside emulated node namespaces. */
@NullMarked
package dev.weft.cni.testing;

import org.jspecify.annotations.NullMarked;
