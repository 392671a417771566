/**
 * Network namespaces: iproute2-compatible named namespaces under {@code /run/netns}, and dedicated
 * platform threads that enter a namespace for one task and always return.
 */
@NullMarked
package dev.weft.linux.netns;

import org.jspecify.annotations.NullMarked;
