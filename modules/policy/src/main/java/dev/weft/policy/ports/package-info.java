/** Port sets over TCP, UDP and SCTP: a canonical interval form and an interned atom form for the class engine. */
@NullMarked
package dev.weft.policy.ports;

import org.jspecify.annotations.NullMarked;
