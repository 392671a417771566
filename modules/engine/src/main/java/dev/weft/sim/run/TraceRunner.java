package dev.weft.sim.run;

import dev.weft.engine.event.ForwardingEvent;
import dev.weft.engine.hook.NetfilterHooks;
import dev.weft.model.Interface;
import dev.weft.model.InterfaceRef;
import dev.weft.model.Namespace;
import dev.weft.model.NetworkModel;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.IpFamily;
import dev.weft.sim.Disposition;
import dev.weft.sim.DropCause;
import dev.weft.sim.Target;
import dev.weft.sim.Trace;
import dev.weft.sim.TraceRequest;
import dev.weft.sim.TraceRequestException;
import dev.weft.sim.TraceStep;
import dev.weft.sim.fabric.Addressing;
import dev.weft.sim.fabric.Fabric;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/** Resolves a request against the model, runs it on real bytes and reads off the disposition. */
public final class TraceRunner {
  private final Fabric fabric;
  private final NetfilterHooks hooks;

  public TraceRunner(Fabric fabric, NetfilterHooks hooks) {
    this.fabric = fabric;
    this.hooks = hooks;
  }

  public Trace run(TraceRequest request, PcapSink pcap) {
    NetworkModel model = fabric.model();
    Namespace from = model.namespace(request.from().namespace()).orElseThrow(() -> new TraceRequestException(
        "unknown namespace '" + request.from().namespace() + "' in --from (known: " + known(model) + ")"));
    Optional<IpAddress> destination = destination(request.to());
    if (destination.isEmpty()) {
      return new Trace(request, request.protocol().keyword() + " to " + request.to(), List.of(),
          Disposition.dropped(DropCause.NO_SUCH_ADDRESS, Optional.empty(),
              request.to() + " has no address outside loopback (network mode none?)"), List.of());
    }
    IpAddress dst = destination.get();
    IpAddress src = source(model, request, from, dst.family());
    ByteBuf packet = PacketFactory.build(ByteBufAllocator.DEFAULT, src, dst, request);
    try (SimulationRun run = new SimulationRun(fabric, hooks, pcap)) {
      run.send(from.name(), packet);
      run.run();
      List<TraceStep> steps = run.steps();
      Disposition d = DispositionResolver.resolve(steps, dst, run::modelled);
      return new Trace(request, flow(request, steps, src, dst), steps, d, List.of());
    } catch (IOException e) {
      throw new UncheckedIOException("writing pcap: " + e.getMessage(), e);
    }
  }

  private Optional<IpAddress> destination(Target to) {
    NetworkModel model = fabric.model();
    return switch (to) {
      case Target.Address a -> Optional.of(a.address());
      case Target.Namespace n -> {
        if (model.namespace(n.namespace()).isEmpty()) {
          throw new TraceRequestException("unknown namespace '" + n.namespace() + "' in --to (known: " + known(model) + ")");
        }
        yield fabric.primaryAddress(n.namespace());
      }
    };
  }

  private static IpAddress source(NetworkModel model, TraceRequest r, Namespace from, IpFamily family) {
    if (r.from().iface().isEmpty()) {
      return new IpAddress(family, 0, 0);
    }
    InterfaceRef ref = new InterfaceRef(model.stackOf(from).name(), r.from().iface().get());
    Interface iface = model.iface(ref).orElseThrow(() -> new TraceRequestException(
        "namespace '" + from.name() + "' has no interface '" + r.from().iface().get() + "'"));
    return Addressing.addressOf(iface, family).orElseThrow(() -> new TraceRequestException(
        ref + " has no " + family + " address to send from"));
  }

  private static String flow(TraceRequest r, List<TraceStep> steps, IpAddress src, IpAddress dst) {
    IpAddress from = src;
    for (TraceStep s : steps) {
      if (s instanceof TraceStep.Decision d && d.event() instanceof ForwardingEvent.SourceSelected sel) {
        from = sel.source();
        break;
      }
    }
    String ports = r.protocol() == dev.weft.sim.Protocol.ICMP ? "" : ":" + r.sourcePort();
    String dports = r.protocol() == dev.weft.sim.Protocol.ICMP ? "" : ":" + r.destinationPort();
    return r.protocol().keyword() + " " + from + ports + " -> " + dst + dports + ", " + r.size() + " bytes"
        + (r.dontFragment() && dst.isIpv4() ? ", DF" : "");
  }

  private static String known(NetworkModel model) {
    return String.join(", ", model.namespaces().stream().map(n -> n.name().value()).limit(20).toList())
        + (model.namespaces().size() > 20 ? ", ..." : "");
  }

}
