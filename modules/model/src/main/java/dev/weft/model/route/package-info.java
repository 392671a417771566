/** Routes and longest-prefix-match tables, per namespace, for IPv4 and IPv6. */
@NullMarked
package dev.weft.model.route;

import org.jspecify.annotations.NullMarked;
