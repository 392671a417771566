package dev.weft.engine.l3;

import dev.weft.engine.event.DropReason;
import dev.weft.engine.event.ForwardingEvent;
import dev.weft.engine.event.ForwardingEvent.HookOutcome;
import dev.weft.engine.event.ForwardingObserver;
import dev.weft.engine.hook.HookPoint;
import dev.weft.engine.hook.HookVerdict;
import dev.weft.engine.hook.NetfilterHook;
import dev.weft.engine.hook.PacketContexts;
import dev.weft.engine.message.ReceivedPacket;
import dev.weft.engine.message.RoutedPacket;
import dev.weft.engine.packet.PacketEditor;
import dev.weft.model.InterfaceRef;
import dev.weft.model.value.InterfaceName;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.Optional;

/**
 * Asks a namespace's netfilter hook for its verdict at one stage of the stack: PREROUTING before routing,
 * INPUT/FORWARD/OUTPUT after it (by the routed path), POSTROUTING just before neighbour output. ACCEPT
 * passes the packet on, DROP discards it as POLICY, a rewrite (NAT) edits it in place. With no rules
 * installed the stage does nothing and reports nothing.
 */
public final class NetfilterHandler extends ChannelInboundHandlerAdapter {
  /** Where in the stack this instance sits. */
  public enum Stage {
    PREROUTING, FILTER, POSTROUTING
  }

  private final StackConfig.Index stack;
  private final NetfilterHook hook;
  private final Stage stage;
  private final ForwardingObserver observer;

  public NetfilterHandler(StackConfig.Index stack, NetfilterHook hook, Stage stage, ForwardingObserver observer) {
    this.stack = stack;
    this.hook = hook;
    this.stage = stage;
    this.observer = observer;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (hook == NetfilterHook.ACCEPT_ALL) {
      ctx.fireChannelRead(msg);
      return;
    }
    switch (msg) {
      case ReceivedPacket p when stage == Stage.PREROUTING ->
          apply(ctx, p, HookPoint.PREROUTING, Optional.of(p.in()), Optional.empty(), p.content());
      case RoutedPacket p when stage == Stage.FILTER -> apply(ctx, p, filterHook(p), p.in(), p.outIfAny(), p.content());
      case RoutedPacket p when stage == Stage.POSTROUTING && p.leaves() ->
          apply(ctx, p, HookPoint.POSTROUTING, Optional.empty(), p.outIfAny(), p.content());
      default -> ctx.fireChannelRead(msg);
    }
  }

  private static HookPoint filterHook(RoutedPacket p) {
    return switch (p.path()) {
      case LOCAL_IN -> HookPoint.INPUT;
      case FORWARD -> HookPoint.FORWARD;
      case LOCAL_OUT -> HookPoint.OUTPUT;
    };
  }

  private void apply(ChannelHandlerContext ctx, ByteBufHolder p, HookPoint point, Optional<InterfaceRef> in,
      Optional<InterfaceRef> out, ByteBuf ip) {
    HookVerdict verdict = hook.evaluate(PacketContexts.of(stack.config().namespace(), point, name(in), name(out), ip));
    switch (verdict) {
      case HookVerdict.Accept a -> {
        report(point, HookOutcome.ACCEPT, Optional.empty(), verdict);
        ctx.fireChannelRead(p);
      }
      case HookVerdict.Drop d -> {
        report(point, HookOutcome.DROP, Optional.of(d.rule()), verdict);
        observer.on(new ForwardingEvent.Dropped(DropReason.POLICY, point + " in " + stack.config().namespace() + ": " + d.rule()));
        p.release();
      }
      case HookVerdict.Undetermined u -> {
        report(point, HookOutcome.UNDETERMINED, Optional.of(u.reason()), verdict);
        observer.on(new ForwardingEvent.Dropped(DropReason.UNDETERMINED_POLICY,
            point + " in " + stack.config().namespace() + ": " + u.reason()));
        p.release();
      }
      case HookVerdict.Rewrite r -> {
        PacketEditor.rewrite(ip, r.source(), r.destination(), r.sourcePort(), r.destinationPort());
        report(point, HookOutcome.REWRITE, Optional.of(r.rule()), verdict);
        ctx.fireChannelRead(p);
      }
    }
  }

  private void report(HookPoint point, HookOutcome outcome, Optional<String> rule, HookVerdict verdict) {
    observer.on(new ForwardingEvent.HookEvaluated(stack.config().namespace(), point, outcome, rule, verdict.explanation()));
  }

  private static Optional<InterfaceName> name(Optional<InterfaceRef> ref) {
    return ref.map(InterfaceRef::name);
  }
}
