/** Integration tests: the built plugin in real network namespaces (root). */
@NullMarked
package dev.weft.cni.it;

import org.jspecify.annotations.NullMarked;
