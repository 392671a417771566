/** IPAM for the plugin: weft-ipam/host-local in process, other IPAM plugins by exec. */
@NullMarked
package dev.weft.cni.ipam;

import org.jspecify.annotations.NullMarked;
