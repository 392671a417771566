/**
 * CNI results: the full result of an interface plugin and the abbreviated result of an IPAM plugin, each
 * rendered in the format of the cniVersion the runtime asked for, and parsed back from prevResult.
 */
@NullMarked
package dev.weft.cni.protocol.result;

import org.jspecify.annotations.NullMarked;
