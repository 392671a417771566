package dev.weft.dataplane.policy;

import dev.weft.engine.hook.HookVerdict;
import dev.weft.engine.hook.NetfilterHook;
import dev.weft.engine.hook.PacketContext;
import dev.weft.model.value.IpAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A flow cache in front of one namespace's netfilter hook, so that a chain is walked once per flow and
 * hook rather than once per packet.
 *
 * <p>Design note: a verdict is cached under everything a rule set can match on (hook, interfaces,
 * addresses, protocol, ports, ICMP type; not the length, which the rule sets weft runs do not read) plus
 * one bit of connection state, as conntrack would see it: whether a packet of the reverse flow has
 * already passed this namespace. That bit makes the first packet of a connection NEW and everything
 * after the first reply ESTABLISHED, each with its own entry, so stateful rules ("accept established,
 * drop new to port 81") keep their meaning. Both tables are LRU-bounded, so memory stays flat under
 * many flows; an evicted flow is simply evaluated again. Event-loop thread only. O(1) per packet.
 */
public final class FlowCachedHook implements NetfilterHook {
  /** The flow a verdict applies to; ports are 0 for protocols without them. */
  record Flow(IpAddress source, IpAddress destination, int protocol, int sourcePort, int destinationPort) {
    static Flow of(PacketContext p) {
      return new Flow(p.source(), p.destination(), p.protocol(), p.sourcePort(), p.destinationPort());
    }

    Flow reversed() {
      return new Flow(destination, source, protocol, destinationPort, sourcePort);
    }
  }

  private record Key(PacketContext packet, boolean established) {}

  private final NetfilterHook delegate;
  private final FlowCacheCounters counters;
  private final Map<Key, HookVerdict> verdicts;
  private final Map<Flow, Boolean> passed;

  public FlowCachedHook(NetfilterHook delegate, int capacity, FlowCacheCounters counters) {
    this.delegate = delegate;
    this.counters = counters;
    this.verdicts = lru(capacity);
    this.passed = lru(capacity);
  }

  private static <K, V> Map<K, V> lru(int capacity) {
    return new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
      }
    };
  }

  @Override
  public HookVerdict evaluate(PacketContext packet) {
    Flow flow = Flow.of(packet);
    boolean established = passed.containsKey(flow.reversed());
    Key key = new Key(withoutLength(packet), established);
    HookVerdict verdict = verdicts.get(key);
    if (verdict == null) {
      counters.miss();
      verdict = delegate.evaluate(packet);
      verdicts.put(key, verdict);
    } else {
      counters.hit();
    }
    switch (verdict) {
      case HookVerdict.Accept a -> passed.put(flow, Boolean.TRUE);
      case HookVerdict.Rewrite r -> {
        passed.put(flow, Boolean.TRUE);
        passed.put(new Flow(r.source(), r.destination(), flow.protocol(), r.sourcePort(), r.destinationPort()), Boolean.TRUE);
      }
      case HookVerdict.Drop d -> { }
      case HookVerdict.Undetermined u -> { }
    }
    return verdict;
  }

  private static PacketContext withoutLength(PacketContext p) {
    return new PacketContext(p.namespace(), p.hook(), p.in(), p.out(), p.source(), p.destination(), p.protocol(),
        p.sourcePort(), p.destinationPort(), p.icmpType(), 0);
  }

  /** Entries held, for tests. */
  int size() {
    return verdicts.size();
  }
}
