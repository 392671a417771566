/** From a network model to the kernel state a lab should have: namespace and link names under the lab's prefix, and everything each namespace holds. */
@NullMarked
package dev.weft.lab.plan;

import org.jspecify.annotations.NullMarked;
