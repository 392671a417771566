/** The weft CNI plugin: config, mode dispatch, ADD/DEL/CHECK/GC/STATUS. */
@NullMarked
package dev.weft.cni.plugin;

import org.jspecify.annotations.NullMarked;
