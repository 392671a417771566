package dev.weft.dataplane.plan;

import dev.weft.model.InterfaceRef;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Name;
import dev.weft.sim.fabric.DeviceId;
import dev.weft.sim.fabric.DeviceSpec;
import dev.weft.sim.fabric.Fabric;
import dev.weft.sim.fabric.Wire;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the dataplane runs for one host. Devices and wires are the simulator's fabric restricted
 * to the host: a frame a device emits on a port arrives at the wire's other end, which is another
 * device, a pod's TAP ({@link #tapPorts}) or nothing this dataplane drives.
 *
 * @param vxlan the VXLAN device for each (socket, VNI)
 * @param gre the GRE device for each (socket, remote, key)
 */
public record HostPlan(
    Name host, Fabric fabric, List<DeviceSpec> devices, List<PodPlan> pods, List<SocketPlan> sockets,
    Map<VxlanKey, DeviceId> vxlan, Map<GreKey, DeviceId> gre) {

  /** Which VXLAN device takes a datagram: the socket it arrived on and the VNI in its header. */
  public record VxlanKey(SocketPlan socket, int vni) {}

  /** Which GRE device takes a GRE-in-UDP datagram: the socket, the sender and the GRE key. */
  public record GreKey(SocketPlan socket, IpAddress remote, Optional<Long> key) {}

  public HostPlan {
    devices = List.copyOf(devices);
    pods = List.copyOf(pods);
    sockets = List.copyOf(sockets);
    vxlan = Map.copyOf(vxlan);
    gre = Map.copyOf(gre);
  }

  public Optional<Wire> wire(InterfaceRef port) {
    return fabric.wire(port);
  }

  /** Every pod interface that is a TAP. */
  public List<InterfaceRef> tapPorts() {
    return pods.stream().flatMap(p -> p.taps().stream()).map(i -> i.ref()).toList();
  }
}
