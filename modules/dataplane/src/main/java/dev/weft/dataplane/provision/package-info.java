/** Pod namespaces for the dataplane: created when missing, each given its TAPs with the model's MACs, MTUs, addresses, routes and neighbours. */
@NullMarked
package dev.weft.dataplane.provision;

import org.jspecify.annotations.NullMarked;
