package dev.weft.model.netfilter;

import dev.weft.model.value.Cidr;
import dev.weft.model.value.InvalidValueException;
import dev.weft.model.value.PortRange;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One test a rule applies to a packet. A rule is the conjunction of its matches; {@link Not} is
 * iptables' {@code !}. Every module option iptables-save writes that weft does not understand becomes
 * {@link Unknown}, which interpreters must treat as "cannot tell" rather than skip.
 */
public sealed interface Match {

  /** Whether iptables accepts {@code !} in front of this match. */
  default boolean negatable() {
    return true;
  }

  /** {@code -s}: the source address is in the prefix. */
  record Source(Cidr cidr) implements Match {}

  /** {@code -d}: the destination address is in the prefix. */
  record Destination(Cidr cidr) implements Match {}

  /** {@code -i}: the input interface (none at OUTPUT/POSTROUTING). */
  record InInterface(InterfacePattern pattern) implements Match {}

  /** {@code -o}: the output interface (none at PREROUTING/INPUT). */
  record OutInterface(InterfacePattern pattern) implements Match {}

  /** {@code -p}: the IP protocol. */
  record Protocol(IpProtocol protocol) implements Match {}

  /** {@code --sport} or {@code -m multiport --sports}: the source port is in one of the ranges. */
  record SourcePorts(List<PortRange> ranges) implements Match {
    public SourcePorts {
      ranges = Checks.ports(ranges);
    }
  }

  /** {@code --dport} or {@code -m multiport --dports}: the destination port is in one of the ranges. */
  record DestinationPorts(List<PortRange> ranges) implements Match {
    public DestinationPorts {
      ranges = Checks.ports(ranges);
    }
  }

  /** {@code -m multiport --ports}: the source or the destination port is in one of the ranges. */
  record EitherPorts(List<PortRange> ranges) implements Match {
    public EitherPorts {
      ranges = Checks.ports(ranges);
    }
  }

  /**
   * {@code -m icmp --icmp-type}: type and code range as the kernel stores them. Type 255 is iptables'
   * "any", which matches every ICMP packet.
   */
  record IcmpType(int type, int codeMin, int codeMax) implements Match {
    public static final int ANY = 255;

    public IcmpType {
      if (type < 0 || type > 255 || codeMin < 0 || codeMax > 255 || codeMin > codeMax
          || (codeMin != codeMax && (codeMin != 0 || codeMax != 255))) {
        throw new InvalidValueException("ICMP type", type + "/" + codeMin + "-" + codeMax,
            "a type from 0 to 255 with one code or all codes");
      }
    }

    public static IcmpType of(int type) {
      return new IcmpType(type, 0, 255);
    }

    public static IcmpType of(int type, int code) {
      return new IcmpType(type, code, code);
    }

    public boolean allCodes() {
      return codeMin == 0 && codeMax == 255;
    }
  }

  /** {@code -m conntrack --ctstate} (or the older {@code -m state --state}). */
  record CtState(Set<ConnState> states) implements Match {
    public CtState {
      if (states.isEmpty()) {
        throw new InvalidValueException("conntrack state", "", "at least one state");
      }
      states = java.util.Collections.unmodifiableSet(EnumSet.copyOf(states));
    }
  }

  /** {@code -m set --match-set NAME src,dst}: ipset membership, one direction per set dimension. */
  record SetMembership(String setName, List<Direction> dimensions) implements Match {
    public SetMembership {
      Checks.setName(setName);
      if (dimensions.isEmpty() || dimensions.size() > 6) {
        throw new InvalidValueException("ipset flags", dimensions.toString(), "1 to 6 of src/dst");
      }
      dimensions = List.copyOf(dimensions);
    }
  }

  /** {@code -m mark --mark value/mask}: {@code (packet mark & mask) == value}. */
  record Mark(long value, long mask) implements Match {
    public Mark {
      Checks.mark(value, mask);
    }
  }

  /** {@code -m addrtype --src-type/--dst-type}: the route type of the address is one of these. */
  record AddrType(Direction side, Set<AddressType> types) implements Match {
    public AddrType {
      if (types.isEmpty()) {
        throw new InvalidValueException("address type", "", "at least one type");
      }
      types = java.util.Collections.unmodifiableSet(EnumSet.copyOf(types));
    }
  }

  /** {@code -m statistic}: a sampling match; a verifier must follow both of its outcomes. */
  sealed interface Statistic extends Match permits Random, Nth {}

  /**
   * {@code --mode random --probability p}, stored as the kernel does: matches when a random 31-bit
   * number is below {@code threshold = round(p * 2^31)}.
   */
  record Random(long threshold) implements Statistic {
    public static final long SCALE = 0x8000_0000L;

    public Random {
      if (threshold < 0 || threshold > SCALE) {
        throw new InvalidValueException("probability", Long.toString(threshold), "a probability from 0 to 1");
      }
    }

    public static Random withProbability(double p) {
      if (!(p >= 0 && p <= 1)) {
        throw new InvalidValueException("probability", Double.toString(p), "a probability from 0 to 1");
      }
      return new Random(Math.round(SCALE * p));
    }

    public double probability() {
      return (double) threshold / SCALE;
    }
  }

  /** {@code --mode nth --every n --packet p}: every n-th packet, starting at counter value p. */
  record Nth(int every, int packet) implements Statistic {
    public Nth {
      if (every < 1 || packet < 0 || packet >= every) {
        throw new InvalidValueException("nth", every + "/" + packet, "every >= 1 and 0 <= packet < every");
      }
    }
  }

  /**
   * {@code -m limit}: a rate limit; like a statistic it may or may not match a given packet. iptables
   * does not accept {@code !} in front of it. The rate is kept in the form iptables prints it
   * ({@code 10} and {@code 600/hour} both become {@code 10/sec}... as the kernel's period allows).
   */
  record Limit(String rate, int burst) implements Match {
    public static final int DEFAULT_BURST = 5;

    public Limit {
      if (!rate.matches("[1-9][0-9]{0,9}(/(s|sec|second|m|min|minute|h|hour|d|day))?") || burst < 1 || burst > 10_000) {
        throw new InvalidValueException("limit", rate + " burst " + burst, "a rate like 10/min and a burst from 1 to 10000");
      }
      rate = Checks.limitRate(rate);
    }

    @Override
    public boolean negatable() {
      return false;
    }
  }

  /** {@code -m comment --comment}: no effect on matching. */
  record Comment(String text) implements Match {
    public Comment {
      if (text.length() > 255 || text.indexOf('\n') >= 0 || text.indexOf('\0') >= 0) {
        throw new InvalidValueException("comment", text, "at most 255 characters on one line");
      }
    }

    @Override
    public boolean negatable() {
      return false;
    }
  }

  /** {@code -m physdev --physdev-in}: the bridge port a bridged frame came in on. */
  record PhysdevIn(InterfacePattern pattern) implements Match {}

  /** {@code -m physdev --physdev-out}: the bridge port a bridged frame leaves on. */
  record PhysdevOut(InterfacePattern pattern) implements Match {}

  /** {@code -m physdev --physdev-is-in}: the frame came in on a bridge port. */
  record PhysdevIsIn() implements Match {}

  /** {@code -m physdev --physdev-is-out}: the frame leaves on a bridge port. */
  record PhysdevIsOut() implements Match {}

  /** {@code -m physdev --physdev-is-bridged}: the frame is being bridged, not routed. */
  record PhysdevIsBridged() implements Match {}

  /** iptables' {@code !} in front of one match. */
  record Not(Match match) implements Match {
    public Not {
      if (match instanceof Not || match instanceof Unknown || !match.negatable()) {
        throw new InvalidValueException("negation", match.toString(), "a single negatable match");
      }
    }

    @Override
    public boolean negatable() {
      return false;
    }
  }

  /**
   * A module or option weft does not interpret, kept as the tokens iptables-save wrote (for example
   * {@code -m tcp --tcp-flags FIN,SYN,RST,ACK SYN}) so it renders back unchanged.
   */
  record Unknown(List<String> tokens) implements Match {
    public Unknown {
      if (tokens.isEmpty()) {
        throw new InvalidValueException("unknown match", "", "at least one token");
      }
      tokens = List.copyOf(tokens);
    }

    public String text() {
      return String.join(" ", tokens);
    }

    @Override
    public boolean negatable() {
      return false;
    }
  }
}
