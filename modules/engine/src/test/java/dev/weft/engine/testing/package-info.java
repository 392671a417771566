/** Test support: leak detection that fails the build, and shared fixtures. */
@NullMarked
package dev.weft.engine.testing;

import org.jspecify.annotations.NullMarked;
