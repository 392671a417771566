/** Address ranges in host-local's model: a range is a subnet with rangeStart..rangeEnd and a gateway; a range set is the ranges one address is taken from. */
@NullMarked
package dev.weft.ipam.range;

import org.jspecify.annotations.NullMarked;
