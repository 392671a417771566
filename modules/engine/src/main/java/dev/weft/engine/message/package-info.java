/** Messages that travel through and between device pipelines. Those that own bytes are ByteBufHolders: whoever takes one out of a pipeline releases it. */
@NullMarked
package dev.weft.engine.message;

import org.jspecify.annotations.NullMarked;
