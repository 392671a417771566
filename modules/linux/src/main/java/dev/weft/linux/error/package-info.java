/**
 * The driver's failure kinds. Every kernel or tool failure becomes one subclass of {@link
 * dev.weft.linux.error.DriverException}, so callers can match on the kind instead of an errno.
 */
@NullMarked
package dev.weft.linux.error;

import org.jspecify.annotations.NullMarked;
