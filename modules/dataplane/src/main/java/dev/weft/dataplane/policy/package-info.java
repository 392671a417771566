/** Policy verdicts for the dataplane: the model's rule sets through the simulator's netfilter adapter, behind a flow cache. */
@NullMarked
package dev.weft.dataplane.policy;

import org.jspecify.annotations.NullMarked;
