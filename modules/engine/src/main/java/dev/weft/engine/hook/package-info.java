/** The typed hook where netfilter plugs into a namespace's stack: PREROUTING, INPUT, FORWARD, OUTPUT and POSTROUTING, each returning a verdict. */
@NullMarked
package dev.weft.engine.hook;

import org.jspecify.annotations.NullMarked;
