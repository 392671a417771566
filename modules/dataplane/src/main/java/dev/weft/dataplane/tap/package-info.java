/**
 * TAP devices through the FFM API: opened inside a pod's namespace, non-blocking, and polled by the
 * dataplane's epoll event loop as a Netty 4.2 {@code IoHandle}.
 */
@NullMarked
package dev.weft.dataplane.tap;

import org.jspecify.annotations.NullMarked;
