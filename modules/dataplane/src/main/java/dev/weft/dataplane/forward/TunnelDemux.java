package dev.weft.dataplane.forward;

import dev.weft.dataplane.plan.HostPlan;
import dev.weft.dataplane.plan.SocketPlan;
import dev.weft.dataplane.underlay.Encapsulation;
import dev.weft.engine.event.DropReason;
import dev.weft.engine.event.ForwardingEvent;
import dev.weft.engine.event.ForwardingObserver;
import dev.weft.engine.message.IpDatagram;
import dev.weft.engine.packet.GreHeader;
import dev.weft.engine.packet.IpProtocol;
import dev.weft.engine.packet.PacketException;
import dev.weft.engine.packet.VxlanHeader;
import dev.weft.dataplane.offload.Transport;
import dev.weft.sim.fabric.DeviceSpec;
import dev.weft.model.value.IpAddress;
import dev.weft.sim.fabric.DeviceId;
import io.netty.buffer.ByteBuf;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the tunnel device for a datagram from the underlay, as the kernel's UDP tunnel sockets do: the
 * VNI for VXLAN, the sender and the key for GRE-in-UDP. It reads only the outer header; the device's own
 * decap handler checks the rest. What no device claims is dropped and counted here: too short or
 * without the VXLAN I flag as malformed, an unknown VNI, key or sender as an unknown tunnel.
 *
 * <p>A VXLAN datagram may carry a TCP segment larger than the device's MTU: a kernel VXLAN sender hands
 * its GSO packets to a veth as they are, and the receiving kernel queues such a packet on a UDP socket
 * whole, where a NIC would have cut it. Such a frame goes on as a segmentation batch whose segments fit
 * the device, as the kernel would have cut it; the handlers judge it by its largest segment.
 */
final class TunnelDemux {
  /**
   * The device and the message to hand it (the datagram itself, or for GRE the IP datagram inside), and
   * the segment size when its frame is a TCP segmentation batch (0 when not).
   */
  record Claim(DeviceId device, Object message, int gsoSize) {}

  private final HostPlan plan;
  private final ForwardingObserver observer;
  private final Map<DeviceId, Integer> mtus = new HashMap<>();
  private final Map<InetAddress, IpAddress> addresses = new HashMap<>();

  TunnelDemux(HostPlan plan, ForwardingObserver observer) {
    this.plan = plan;
    this.observer = observer;
    for (DeviceSpec d : plan.devices()) {
      if (d instanceof DeviceSpec.Vxlan x) {
        plan.fabric().model().iface(x.config().device()).ifPresent(i -> mtus.put(d.id(), i.mtu().value()));
      }
    }
  }

  /**
   * The claim for {@code d}, a batch of {@code gsoSize}-byte segments when merged on receipt (0 when not);
   * empty after releasing and counting it.
   */
  Optional<Claim> claim(SocketPlan socket, DatagramPacket d, int gsoSize) {
    Optional<Claim> claim = socket.encapsulation() == Encapsulation.VXLAN ? vxlan(socket, d, gsoSize) : gre(socket, d);
    if (claim.isEmpty()) {
      d.release();
    }
    return claim;
  }

  /** The segment size for an inner TCP segment larger than the device's MTU (a kernel sender's GSO packet). */
  private int oversized(DeviceId device, ByteBuf content) {
    int mtu = mtus.getOrDefault(device, Integer.MAX_VALUE - 64);
    if (content.readableBytes() - VxlanHeader.LENGTH <= mtu + 14) {
      return 0; // the usual case: no parse
    }
    ByteBuf inner = content.slice(content.readerIndex() + VxlanHeader.LENGTH, content.readableBytes() - VxlanHeader.LENGTH);
    Optional<Transport> tcp = Transport.of(inner).filter(t -> t.protocol() == IpProtocol.TCP);
    if (tcp.isEmpty()) {
      return 0; // the device's own checks drop it as too big
    }
    int mss = mtu - (tcp.get().offset() - 14) - tcp.get().tcpHeaderLength(inner);
    return mss > 0 ? mss : 0;
  }

  private Optional<Claim> vxlan(SocketPlan socket, DatagramPacket d, int gsoSize) {
    ByteBuf b = d.content();
    if (b.readableBytes() < VxlanHeader.LENGTH + 14 || (b.getUnsignedByte(b.readerIndex()) & 0x08) == 0) {
      return drop(DropReason.MALFORMED, "a " + b.readableBytes() + "-byte datagram on " + socket + " is not VXLAN");
    }
    int vni = b.getUnsignedMedium(b.readerIndex() + 4);
    DeviceId device = plan.vxlan().get(new HostPlan.VxlanKey(socket, vni));
    if (device == null) {
      return drop(DropReason.UNKNOWN_TUNNEL, "no VXLAN device for VNI " + vni + " on " + socket);
    }
    return Optional.of(new Claim(device, d, gsoSize > 0 ? gsoSize : oversized(device, b)));
  }

  private Optional<Claim> gre(SocketPlan socket, DatagramPacket d) {
    Optional<Long> key;
    try {
      key = GreHeader.decode(d.content().duplicate()).key();
    } catch (PacketException e) {
      return drop(DropReason.unparsable(e), "GRE-in-UDP on " + socket + ": " + e.getMessage());
    }
    IpAddress remote = address(d.sender().getAddress());
    DeviceId device = plan.gre().get(new HostPlan.GreKey(socket, remote, key));
    if (device == null) {
      return drop(DropReason.UNKNOWN_TUNNEL, "no GRE device for " + remote + " key "
          + key.map(String::valueOf).orElse("none") + " on " + socket);
    }
    return Optional.of(new Claim(device, new IpDatagram(remote, socket.local(), IpProtocol.GRE, d.content()), 0));
  }

  private IpAddress address(InetAddress a) {
    IpAddress known = addresses.get(a);
    if (known == null) {
      known = IpAddress.fromBytes(a.getAddress());
      if (addresses.size() < 4096) {
        addresses.put(a, known);
      }
    }
    return known;
  }

  private Optional<Claim> drop(DropReason reason, String detail) {
    observer.on(new ForwardingEvent.Dropped(reason, detail));
    return Optional.empty();
  }
}
