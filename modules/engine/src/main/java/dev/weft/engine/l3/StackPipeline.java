package dev.weft.engine.l3;

import dev.weft.engine.event.ForwardingObserver;
import dev.weft.engine.hook.NetfilterHook;
import dev.weft.engine.packet.Segmentation;
import io.netty.channel.ChannelHandler;
import java.time.InstantSource;
import java.util.List;

/**
 * The handlers of one namespace's IP stack, in pipeline order. Messages flow inbound only: frames
 * received on interfaces and packets from local sockets go in; frames to transmit, datagrams for local
 * tunnel sockets and deliveries to applications come out at the tail.
 *
 * <pre>
 *  PortFrame ─ EthernetInput ─ Arp ─ Ndp ─ PREROUTING ─ Router ─ INPUT/FORWARD/OUTPUT ─ Reassembly ─ SocketDemux
 *  LocalPacket, DatagramPacket, IpDatagram ─ SocketSend ─┘          └─ Mtu ─ POSTROUTING ─ Neighbor ─ PortFrame
 * </pre>
 */
public final class StackPipeline {
  private StackPipeline() {}

  /** Fresh handlers (with fresh per-stack state) for {@code config}. */
  public static List<ChannelHandler> handlers(StackConfig config, NetfilterHook hook, InstantSource clock, ForwardingObserver observer) {
    return handlers(config.index(), hook, clock, observer);
  }

  /** Fresh handlers for an already indexed config (indexing is the costly part when stacks are built often). */
  public static List<ChannelHandler> handlers(StackConfig.Index stack, NetfilterHook hook, InstantSource clock,
      ForwardingObserver observer) {
    return handlers(stack, hook, clock, observer, Segmentation.NONE);
  }

  /** Fresh handlers whose MTU check looks at each packet's largest segment (see {@link Segmentation}). */
  public static List<ChannelHandler> handlers(StackConfig.Index stack, NetfilterHook hook, InstantSource clock,
      ForwardingObserver observer, Segmentation segmentation) {
    StackConfig config = stack.config();
    NeighborTable neighbors = NeighborTable.of(config.namespace(), config.staticNeighbors());
    return List.of(
        new SocketSendHandler(),
        new EthernetInputHandler(stack, observer),
        new ArpHandler(stack, neighbors, clock, observer),
        new NdpHandler(stack, neighbors, clock, observer),
        new NetfilterHandler(stack, hook, NetfilterHandler.Stage.PREROUTING, observer),
        new RouterHandler(stack, observer),
        new NetfilterHandler(stack, hook, NetfilterHandler.Stage.FILTER, observer),
        new ReassemblyHandler(observer),
        new SocketDemuxHandler(stack, observer),
        new MtuHandler(stack, observer, segmentation),
        new NetfilterHandler(stack, hook, NetfilterHandler.Stage.POSTROUTING, observer),
        new NeighborHandler(stack, neighbors, clock, observer));
  }
}
