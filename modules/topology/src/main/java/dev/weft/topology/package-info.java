/** Topology YAML: parser and conversion into the network model. */
@NullMarked
package dev.weft.topology;

import org.jspecify.annotations.NullMarked;
