/** The deploy and destroy commands: preflight checks (root, kernel support), applying a plan, and removing a lab. */
@NullMarked
package dev.weft.lab.deploy;

import org.jspecify.annotations.NullMarked;
