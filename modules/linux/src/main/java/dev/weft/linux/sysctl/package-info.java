/** Per-namespace sysctls (net.*), written from a thread inside the target namespace. */
@NullMarked
package dev.weft.linux.sysctl;

import org.jspecify.annotations.NullMarked;
