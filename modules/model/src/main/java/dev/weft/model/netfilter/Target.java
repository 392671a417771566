package dev.weft.model.netfilter;

import dev.weft.model.value.InvalidValueException;
import dev.weft.model.value.PortRange;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a rule does when all its matches hold. Terminal targets (ACCEPT, DROP, REJECT, DNAT, SNAT,
 * MASQUERADE) end the table's traversal at this hook; {@link Mark}, {@link Log} and {@link CountOnly}
 * let it continue with the next rule.
 */
public sealed interface Target {

  /** Whether the packet moves on to the next rule of the chain after this target. */
  default boolean continues() {
    return false;
  }

  record Accept() implements Target {}

  record Drop() implements Target {}

  /** Terminal; valid only in the filter table's INPUT, FORWARD and OUTPUT (and chains reached from them). */
  record Reject(RejectWith with) implements Target {}

  /** Back to the caller, or the built-in chain's policy when there is none. */
  record Return() implements Target {}

  /** {@code -j CHAIN}: enter a user chain and come back after it. */
  record Jump(ChainName chain) implements Target {}

  /** {@code -g CHAIN}: enter a user chain without a return point. */
  record Goto(ChainName chain) implements Target {}

  /** Destination NAT for the connection; valid in nat PREROUTING and OUTPUT. */
  record Dnat(NatRange to, boolean random, boolean persistent) implements Target {
    public static Dnat to(NatRange to) {
      return new Dnat(to, false, false);
    }
  }

  /** Source NAT for the connection; valid in nat POSTROUTING and INPUT. */
  record Snat(NatRange to, boolean random, boolean randomFully, boolean persistent) implements Target {
    public static Snat to(NatRange to) {
      return new Snat(to, false, false, false);
    }
  }

  /** Source NAT to the outgoing interface's address; valid in nat POSTROUTING only. */
  record Masquerade(Optional<PortRange> toPorts, boolean random, boolean randomFully) implements Target {
    public static Masquerade plain() {
      return new Masquerade(Optional.empty(), false, false);
    }
  }

  /**
   * MARK in its canonical {@code --set-xmark value/mask} form: {@code mark = (mark & ~mask) ^ value}.
   * --set-mark, --or-mark, --and-mark and --xor-mark are all rewritten to it (as iptables-save does).
   */
  record Mark(long value, long mask) implements Target {
    public Mark {
      Checks.mark(value, mask);
    }

    /** {@code --set-mark value[/mask]}: clear the mask's bits, then set the value's. */
    public static Mark set(long value, long mask) {
      return new Mark(value, mask | value);
    }

    public static Mark or(long bits) {
      return new Mark(bits, bits);
    }

    public static Mark and(long bits) {
      return new Mark(0, ~bits & Checks.MARK_BITS);
    }

    public static Mark xor(long bits) {
      return new Mark(bits, 0);
    }

    public long apply(long mark) {
      return (mark & ~mask & Checks.MARK_BITS) ^ value;
    }

    @Override
    public boolean continues() {
      return true;
    }
  }

  /**
   * LOG or NFLOG: treated as a non-terminating no-op (it only reports the packet). Options are kept by
   * name (without the leading dashes) so they render back; a flag option maps to the empty string.
   */
  record Log(String kind, Map<String, String> options) implements Target {
    public Log {
      if (!kind.equals("LOG") && !kind.equals("NFLOG")) {
        throw new InvalidValueException("log target", kind, "LOG or NFLOG");
      }
      options = java.util.Collections.unmodifiableMap(new TreeMap<>(options));
    }

    @Override
    public boolean continues() {
      return true;
    }
  }

  /** A rule without {@code -j}/{@code -g}: it only counts the packet. */
  record CountOnly() implements Target {
    @Override
    public boolean continues() {
      return true;
    }
  }

  /** A target weft does not interpret, kept as its tokens after {@code -j} (for example {@code CT --notrack}). */
  record Unknown(List<String> tokens) implements Target {
    public Unknown {
      if (tokens.isEmpty()) {
        throw new InvalidValueException("unknown target", "", "at least the target name");
      }
      tokens = List.copyOf(tokens);
    }

    public String text() {
      return String.join(" ", tokens);
    }
  }
}
