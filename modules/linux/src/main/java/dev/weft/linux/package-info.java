/** Linux driver: rtnetlink and namespaces over the FFM API. */
@NullMarked
package dev.weft.linux;

import org.jspecify.annotations.NullMarked;
