/** A namespace's iptables rule set in the layout weft may own on a real kernel: WEFT chains reached from the built-in chains by hooks. */
@NullMarked
package dev.weft.lab.rules;

import org.jspecify.annotations.NullMarked;
