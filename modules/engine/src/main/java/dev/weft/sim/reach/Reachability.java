package dev.weft.sim.reach;

import dev.weft.engine.hook.NetfilterHooks;
import dev.weft.engine.packet.Icmpv4Header;
import dev.weft.engine.packet.Icmpv6Header;
import dev.weft.engine.packet.IpProtocol;
import dev.weft.model.Namespace;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.IpFamily;
import dev.weft.model.value.Name;
import dev.weft.sim.DropCause;
import dev.weft.sim.Outcome;
import dev.weft.sim.Protocol;
import dev.weft.sim.TraceRequest;
import dev.weft.sim.TraceRequestException;
import dev.weft.sim.fabric.Fabric;
import dev.weft.sim.run.PacketFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whole-matrix reachability on the fast path. Each cell is one {@link PathWalker} walk of the packet a
 * {@link TraceRequest} for that pair would send (same addresses, ports, size and DF), so the verdicts are
 * those of the byte-level trace; blocked cells are walked again with the trail on to explain them.
 */
public final class Reachability {
  private final Fabric fabric;
  private final PathWalker walker;

  public Reachability(Fabric fabric, NetfilterHooks hooks) {
    this.fabric = fabric;
    this.walker = new PathWalker(fabric, hooks);
  }

  public ReachMatrix matrix(ReachRequest request) {
    List<String> sources = names(request.from());
    List<String> destinations = names(request.to());
    List<Name> dstNames = destinations.stream().map(Name::of).toList();
    List<String> rows = new ArrayList<>(sources.size());
    List<ReachCell> blocked = new ArrayList<>();
    char[] row = new char[destinations.size()];
    for (String from : sources) {
      Name src = Name.of(from);
      for (int j = 0; j < dstNames.size(); j++) {
        Optional<Walk> w = walk(src, dstNames.get(j), request, Trail.OFF);
        boolean ok = w.isPresent() && w.get().delivered();
        row[j] = ok ? ReachMatrix.REACHABLE
            : w.isPresent() && w.get().outcome() == Outcome.UNDETERMINED ? ReachMatrix.UNDETERMINED : ReachMatrix.BLOCKED;
        if (!ok) {
          blocked.add(explain(src, dstNames.get(j), request));
        }
      }
      rows.add(new String(row));
    }
    return new ReachMatrix(request.protocol(), request.destinationPort(), sources, destinations, rows, blocked, List.of());
  }

  /** The verdict of one pair, with its explanation. */
  public ReachCell cell(Name from, Name to, ReachRequest request) {
    Optional<Walk> w = walk(from, to, request, Trail.OFF);
    if (w.isPresent() && w.get().delivered()) {
      return new ReachCell(from.value(), to.value(), Outcome.DELIVERED, Optional.empty(), to.value(), "delivered", List.of());
    }
    return explain(from, to, request);
  }

  private ReachCell explain(Name from, Name to, ReachRequest request) {
    Optional<Walk> w = walk(from, to, request, Trail.start());
    if (w.isEmpty()) {
      return new ReachCell(from.value(), to.value(), Outcome.DROPPED, Optional.of(DropCause.NO_SUCH_ADDRESS), to.value(),
          to + " has no address outside loopback (network mode none?)", List.of());
    }
    Walk walk = w.get();
    return new ReachCell(from.value(), to.value(), walk.outcome(), walk.cause(), walk.at().value(), walk.detail(), walk.hops());
  }

  /** Empty when the destination has no address to send to. */
  private Optional<Walk> walk(Name from, Name to, ReachRequest request, Trail trail) {
    Optional<IpAddress> dst = fabric.primaryAddress(to);
    if (dst.isEmpty()) {
      return Optional.empty();
    }
    IpAddress d = dst.get();
    boolean v4 = d.isIpv4();
    int proto = switch (request.protocol()) {
      case TCP -> IpProtocol.TCP;
      case UDP -> IpProtocol.UDP;
      case ICMP -> v4 ? IpProtocol.ICMP : IpProtocol.ICMPV6;
    };
    boolean icmp = request.protocol() == Protocol.ICMP;
    Flow flow = new Flow(new IpAddress(v4 ? IpFamily.IPV4 : IpFamily.IPV6, 0, 0), d, proto,
        icmp ? 0 : TraceRequest.DEFAULT_SOURCE_PORT, icmp ? 0 : request.destinationPort(),
        icmp ? (v4 ? Icmpv4Header.ECHO_REQUEST : Icmpv6Header.ECHO_REQUEST) : -1,
        request.size(), request.dontFragment(), PacketFactory.INITIAL_TTL);
    return Optional.of(walker.walk(from, flow, trail, 0));
  }

  private List<String> names(List<Name> requested) {
    if (requested.isEmpty()) {
      return fabric.model().namespaces().stream().map(Namespace::name).map(Name::value).toList();
    }
    for (Name n : requested) {
      if (fabric.model().namespace(n).isEmpty()) {
        throw new TraceRequestException("unknown namespace '" + n + "'");
      }
    }
    return requested.stream().map(Name::value).toList();
  }
}
