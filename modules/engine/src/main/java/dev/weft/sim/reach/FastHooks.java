package dev.weft.sim.reach;

import dev.weft.engine.hook.HookPoint;
import dev.weft.engine.hook.HookVerdict;
import dev.weft.engine.hook.NetfilterHook;
import dev.weft.engine.hook.NetfilterHooks;
import dev.weft.engine.hook.PacketContext;
import dev.weft.model.InterfaceRef;
import dev.weft.model.value.Name;
import dev.weft.sim.DropCause;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The netfilter hooks on the fast path: the same {@link NetfilterHook} the stack pipeline asks, given the
 * same {@link PacketContext}, so that both paths reach the same verdicts. Like a trace, which builds each
 * stack once, a walk asks each namespace for its hook once ({@link #session}): hooks may keep state
 * between the hooks of one packet (a mark, a NAT binding).
 */
final class FastHooks {
  private final NetfilterHooks hooks;
  private final boolean none;

  FastHooks(NetfilterHooks hooks) {
    this.hooks = hooks;
    this.none = hooks == NetfilterHooks.NONE;
  }

  boolean none() {
    return none;
  }

  /** The hooks of one walk. */
  Session session() {
    return new Session();
  }

  final class Session {
    private final Map<Name, NetfilterHook> seen = new HashMap<>(4);

    /** The flow after the hook, or empty when the hook dropped it. */
    Optional<Flow> apply(Name s, HookPoint point, Optional<InterfaceRef> in, Optional<InterfaceRef> out, Flow f, Trail trail) {
      return none ? Optional.of(f) : FastHooks.apply(seen.computeIfAbsent(s, hooks::forNamespace), s, point, in, out, f, trail);
    }
  }

  private static Optional<Flow> apply(NetfilterHook hook, Name s, HookPoint point, Optional<InterfaceRef> in,
      Optional<InterfaceRef> out, Flow f, Trail trail) {
    if (hook == NetfilterHook.ACCEPT_ALL) {
      return Optional.of(f);
    }
    PacketContext ctx = new PacketContext(s, point, in.map(InterfaceRef::name), out.map(InterfaceRef::name), f.source(),
        f.destination(), f.protocol(), f.sourcePort(), f.destinationPort(), f.icmpType(), f.size());
    return switch (hook.evaluate(ctx)) {
      case HookVerdict.Accept a -> Optional.of(f);
      case HookVerdict.Drop d -> {
        if (trail.on()) {
          trail.add(s + ": " + point + " " + d.rule());
        }
        yield Optional.empty();
      }
      case HookVerdict.Undetermined u -> throw new UndeterminedHook(
          Walk.undetermined(s, point + " in " + s + ": " + u.reason(), trail.hops()));
      case HookVerdict.Rewrite r -> {
        if (trail.on()) {
          trail.add(s + ": " + point + " " + r.rule());
        }
        yield Optional.of(f.rewritten(r.source(), r.destination(), r.sourcePort(), r.destinationPort()));
      }
    };
  }

  /**
   * A hook whose rules weft cannot evaluate ends the walk as undetermined. Thrown from deep inside a walk
   * and caught where the walk starts, so the many hook call sites keep their drop-or-continue shape.
   */
  static final class UndeterminedHook extends RuntimeException {
    final Walk walk;

    UndeterminedHook(Walk walk) {
      super(walk.detail(), null, false, false);
      this.walk = walk;
    }
  }

  static Walk policy(Name s, HookPoint point, Trail trail) {
    return Walk.dropped(DropCause.POLICY, s, point + " in " + s + " dropped it", trail.hops());
  }
}
