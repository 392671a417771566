/** Overlay mode: node subnet, overlay device and peers (flannel-like VXLAN first). */
@NullMarked
package dev.weft.cni.overlay;

import org.jspecify.annotations.NullMarked;
