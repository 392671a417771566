package dev.weft.netfilter.save;

import dev.weft.model.netfilter.Target;
import java.util.List;

/** A rule's target as read from its line; a name that is not a known target is resolved at COMMIT. */
sealed interface TargetSpec {
  record Resolved(Target target) implements TargetSpec {}

  /** {@code -j NAME} or {@code -g NAME} where NAME may be a user chain of the table. */
  record ChainRef(Token name, boolean isGoto, List<OptionGroup> options) implements TargetSpec {}
}
