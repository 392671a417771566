package dev.weft.engine.hook;

import dev.weft.model.value.Name;

/** Where the rule set of each namespace comes from. */
@FunctionalInterface
public interface NetfilterHooks {
  /** No namespace has rules. */
  NetfilterHooks NONE = namespace -> NetfilterHook.ACCEPT_ALL;

  NetfilterHook forNamespace(Name namespace);
}
