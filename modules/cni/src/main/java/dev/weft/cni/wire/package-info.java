/** The framing between the thin {@code weft} client and the node daemon (java.base only). */
@NullMarked
package dev.weft.cni.wire;

import org.jspecify.annotations.NullMarked;
