/** The reference semantics of NetworkPolicy v1 and the admin tiers, evaluated one endpoint pair at a time, with explanations. Also the oracle of the property tests. */
@NullMarked
package dev.weft.policy.semantics;

import org.jspecify.annotations.NullMarked;
