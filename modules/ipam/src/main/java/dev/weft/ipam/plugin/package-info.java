/** The weft-ipam CNI IPAM plugin: host-local compatible config, ADD/DEL/CHECK/GC/STATUS on the on-disk store. */
@NullMarked
package dev.weft.ipam.plugin;

import org.jspecify.annotations.NullMarked;
