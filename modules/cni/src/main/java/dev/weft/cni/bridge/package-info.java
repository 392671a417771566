/** Bridge mode: a veth pair per pod, its host end on a bridge created on demand. */
@NullMarked
package dev.weft.cni.bridge;

import org.jspecify.annotations.NullMarked;
