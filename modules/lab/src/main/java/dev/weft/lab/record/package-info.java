/** The record of each deployed lab under /run/weft/labs: which namespaces and links it created, with their kernel ids, so that destroy works without the topology file. */
@NullMarked
package dev.weft.lab.record;

import org.jspecify.annotations.NullMarked;
