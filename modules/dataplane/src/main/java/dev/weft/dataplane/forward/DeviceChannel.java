package dev.weft.dataplane.forward;

import dev.weft.engine.message.NeighborTimeout;
import dev.weft.sim.fabric.DeviceSpec;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.List;

/**
 * One device's handlers in a pipeline of their own, exactly as the simulator builds them, with a capture
 * handler at each end: what the handlers fire inbound out of the tail, or write out of the head, goes to
 * the {@link Outputs} instead of into a queue. The pipeline runs synchronously on the caller's thread
 * (the dataplane's event loop), so a device never sees two messages at once.
 */
final class DeviceChannel {
  /** Receives what a device emitted. */
  interface Outputs {
    void emitted(DeviceChannel from, Object message);

    /** A handler threw: the message it held may be gone; the device keeps running. */
    void failed(DeviceChannel from, Throwable cause);
  }

  private final DeviceSpec spec;
  private final EmbeddedChannel channel;

  DeviceChannel(DeviceSpec spec, List<ChannelHandler> handlers, Outputs outputs) {
    this.spec = spec;
    List<ChannelHandler> all = new ArrayList<>();
    all.add(new Head(this, outputs));
    all.addAll(handlers);
    all.add(new Tail(this, outputs));
    this.channel = new EmbeddedChannel(all.toArray(ChannelHandler[]::new));
  }

  DeviceSpec spec() {
    return spec;
  }

  /** A message received by the device (a frame on a port, a datagram from its socket). */
  void inbound(Object message) {
    channel.pipeline().fireChannelRead(message);
  }

  /** A message written to the device (a frame sent into a tunnel's L2 side). */
  void outbound(Object message) {
    channel.pipeline().write(message, channel.voidPromise());
  }

  /** Tells a stack that resolutions still pending have failed. */
  void neighborTimeout() {
    channel.pipeline().fireUserEventTriggered(NeighborTimeout.INSTANCE);
  }

  /** Releases everything the handlers still hold (queued packets waiting for ARP). */
  void close() {
    channel.finishAndReleaseAll();
  }

  private static final class Head extends ChannelOutboundHandlerAdapter {
    private final DeviceChannel device;
    private final Outputs outputs;

    Head(DeviceChannel device, Outputs outputs) {
      this.device = device;
      this.outputs = outputs;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
      promise.trySuccess();
      outputs.emitted(device, msg);
    }
  }

  private static final class Tail extends ChannelInboundHandlerAdapter {
    private final DeviceChannel device;
    private final Outputs outputs;

    Tail(DeviceChannel device, Outputs outputs) {
      this.device = device;
      this.outputs = outputs;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      outputs.emitted(device, msg);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      ReferenceCountUtil.release(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      outputs.failed(device, cause);
    }
  }
}
