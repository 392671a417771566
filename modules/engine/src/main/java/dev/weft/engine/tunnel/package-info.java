/** VXLAN and GRE encapsulation. Encap is outbound (frames to send become datagrams for the underlay), decap inbound (received datagrams become frames), so the same handlers run on a UDP socket channel. */
@NullMarked
package dev.weft.engine.tunnel;

import org.jspecify.annotations.NullMarked;
