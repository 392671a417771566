package dev.weft.lab.probe;

import dev.weft.linux.netns.NetnsName;
import dev.weft.sim.Protocol;
import java.net.InetAddress;

/**
 * A probe packet that reached a stack's transport layer: which stack, the protocol, the probe's id (the
 * client's source port, or the echo identifier), and the source address it arrived with.
 */
public record Arrival(NetnsName stack, Protocol protocol, int id, InetAddress source) {}
