/** CNI 1.1 protocol: environment, config, results and errors. */
@NullMarked
package dev.weft.cni.protocol;

import org.jspecify.annotations.NullMarked;
