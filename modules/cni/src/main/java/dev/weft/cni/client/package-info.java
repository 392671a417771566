/** The thin {@code weft} executable: forwards one invocation to the node daemon, or runs it in process. */
@NullMarked
package dev.weft.cni.client;

import org.jspecify.annotations.NullMarked;
