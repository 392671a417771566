package dev.weft.dataplane.policy;

import dev.weft.engine.hook.NetfilterHook;
import dev.weft.engine.hook.NetfilterHooks;
import dev.weft.model.value.Name;
import java.util.HashMap;
import java.util.Map;

/**
 * Each namespace's hook, asked for once and wrapped in a {@link FlowCachedHook}; a namespace without
 * rules keeps {@link NetfilterHook#ACCEPT_ALL}, which the stack's netfilter stages skip outright.
 */
public final class CachedHooks implements NetfilterHooks {
  /** Flows remembered per namespace. */
  public static final int CAPACITY = 65_536;

  private final NetfilterHooks hooks;
  private final FlowCacheCounters counters;
  private final Map<Name, NetfilterHook> byNamespace = new HashMap<>();

  public CachedHooks(NetfilterHooks hooks, FlowCacheCounters counters) {
    this.hooks = hooks;
    this.counters = counters;
  }

  @Override
  public NetfilterHook forNamespace(Name namespace) {
    return byNamespace.computeIfAbsent(namespace, ns -> {
      NetfilterHook hook = hooks.forNamespace(ns);
      return hook == NetfilterHook.ACCEPT_ALL ? hook : new FlowCachedHook(hook, CAPACITY, counters);
    });
  }

  public FlowCacheCounters counters() {
    return counters;
  }
}
