/** The weft CNI plugin. */
@NullMarked
package dev.weft.cni;

import org.jspecify.annotations.NullMarked;
