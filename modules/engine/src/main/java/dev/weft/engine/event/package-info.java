/** What forwarding handlers decided, reported to an injected observer so that a trace, a log or a counter can follow the decisions without the handlers knowing which. */
@NullMarked
package dev.weft.engine.event;

import org.jspecify.annotations.NullMarked;
