/** Library entry points of the weft verify commands (list, eval, explain, assert, diff) and their renderers. */
@NullMarked
package dev.weft.policy.verify;

import org.jspecify.annotations.NullMarked;
