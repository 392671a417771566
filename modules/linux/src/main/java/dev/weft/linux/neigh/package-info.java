/**
 * Neighbour (ARP/NDP) entries and bridge FDB entries (RTM_NEWNEIGH with AF_BRIDGE), which is what a
 * flannel-style VXLAN overlay programs: an FDB entry mapping a remote VTEP MAC to its underlay IP and a
 * permanent neighbour mapping the remote gateway IP to that MAC.
 */
@NullMarked
package dev.weft.linux.neigh;

import org.jspecify.annotations.NullMarked;
