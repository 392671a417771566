/** A small pcap writer (the classic libpcap format, link type Ethernet). */
@NullMarked
package dev.weft.engine.pcap;

import org.jspecify.annotations.NullMarked;
