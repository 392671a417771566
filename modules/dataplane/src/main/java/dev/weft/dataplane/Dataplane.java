package dev.weft.dataplane;

import dev.weft.dataplane.plan.HostPlan;
import dev.weft.dataplane.plan.HostPlanner;
import dev.weft.model.NetworkModel;
import dev.weft.model.value.Name;

/**
 * The userspace dataplane of one host: {@code weft dataplane run FILE --host H}.
 *
 * <p>Design note. What it computes: the model's forwarding for the devices on host H (bridges, veths,
 * VXLAN and GRE tunnels, the host's own IP stack with its netfilter chains), on live traffic. Pods are
 * real kernel namespaces whose interfaces are TAP devices; tunnels ride UDP sockets in the host's
 * namespace (VXLAN per RFC 7348, interoperable with Linux VXLAN devices; GRE as GRE-in-UDP per RFC
 * 8086). The handlers are the simulator's, built from the same fabric, so what was simulated is what
 * runs. Invariants: one event-loop thread (Netty 4.2, epoll) owns every handler, TAP and socket, so
 * forwarding state needs no locks; every buffer has one owner and is released when it leaves or is
 * dropped; nothing a packet does can throw out of the loop (malformed input is counted and dropped);
 * pod policy is evaluated through a flow cache, once per flow and hook. Cost per frame: one TAP read or
 * one slot of a recvmmsg batch, the handlers of each device it crosses (hash lookups, O(1)), and one
 * TAP write or one slot of a sendmmsg batch; with offloads a 64 KiB TCP segment crosses the TAP in one
 * read and the handlers whole, and leaves whole over VXLAN for the host's kernel to cut where the kernel
 * takes GSO over UDP tunnels (Linux 6.17 on; {@code underlay.TunnelGsoPort}), else cut to the pod's MSS in
 * userspace into one UDP segmentation offload send. Limits: IPv4 rule sets only (as the simulator's), the host's
 * physical uplinks stay the kernel's (traffic routed to them from the host stack is dropped as no
 * route), and a bridging loop is cut after 1024 deliveries per input frame.
 */
public final class Dataplane {
  private Dataplane() {}

  /**
   * Plans host {@code host} of {@code model}, sets up its pods and sockets and starts forwarding. Throws
   * {@link dev.weft.dataplane.plan.PlanException} when the model cannot run there, a typed {@code
   * DriverException} when the kernel refuses a step (nothing is left behind), and {@link
   * DataplaneStartException} for the rest.
   */
  public static RunningDataplane start(NetworkModel model, Name host, DataplaneOptions options) {
    HostPlan plan = new HostPlanner(model, options.plan()).plan(host);
    return RunningDataplane.start(plan, options);
  }
}
