/**
 * rtnetlink on the wire: message encoding ({@link dev.weft.linux.netlink.MessageWriter}), attribute
 * decoding ({@link dev.weft.linux.netlink.Attributes}) and a socket that always asks for an ACK and reads
 * multipart dumps to NLMSG_DONE ({@link dev.weft.linux.netlink.NetlinkSocket}).
 */
@NullMarked
package dev.weft.linux.netlink;

import org.jspecify.annotations.NullMarked;
