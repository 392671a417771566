/**
 * A tiny JSON value model, parser and writer. The CNI plugins are exec'd once per pod, so start-up time
 * matters more than features: this package loads a handful of classes where a full JSON library loads
 * hundreds.
 */
@NullMarked
package dev.weft.cni.protocol.json;

import org.jspecify.annotations.NullMarked;
