package dev.weft.engine.hook;

/**
 * The rule set of one namespace, asked at each of its five hooks. Implementations must be side-effect
 * free for a given packet (the simulator may ask again for the same packet) and cheap, since the
 * reachability engine calls them once per hook per pair.
 */
@FunctionalInterface
public interface NetfilterHook {
  /** No rules: every built-in chain's policy is ACCEPT. Recognised by identity and skipped. */
  NetfilterHook ACCEPT_ALL = packet -> HookVerdict.accept();

  HookVerdict evaluate(PacketContext packet);
}
