/** Integration tests against the kernel: weft's dataplane and Linux VXLAN, two weft hosts over GRE-in-UDP. */
@NullMarked
package dev.weft.dataplane.interop;

import org.jspecify.annotations.NullMarked;
