/**
 * The system calls the driver needs, as Foreign Function &amp; Memory downcalls with errno captured
 * through {@code Linker.Option.captureCallState("errno")}. No JNI, no JNA, no subprocess.
 */
@NullMarked
package dev.weft.linux.sys;

import org.jspecify.annotations.NullMarked;
