package dev.weft.model;

import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Mac;
import dev.weft.model.value.Vni;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What an interface is, with the settings that only that kind has. */
public sealed interface InterfaceKind {

  /** The keyword used in YAML, JSON and output: loopback, veth, bridge, vxlan, gre, tap, physical. */
  default String keyword() {
    return getClass().getSimpleName().toLowerCase(Locale.ROOT);
  }

  /** Bytes of outer headers this device adds to each frame, counted against the underlay MTU. */
  default int encapsulationOverhead() {
    return 0;
  }

  record Loopback() implements InterfaceKind {}

  /**
   * One end of a veth pair.
   *
   * @param hairpin when this end is a bridge port: may a frame leave by the port it came in on
   */
  record Veth(boolean hairpin) implements InterfaceKind {}

  /**
   * A Linux bridge: a learning L2 switch.
   *
   * @param fdbAgeing how long a learned MAC stays in the forwarding database (Linux default 300 s)
   * @param ipMasq masquerade traffic from the bridge's subnets that leaves the host by another device
   */
  record Bridge(Duration fdbAgeing, boolean ipMasq) implements InterfaceKind {
    public static final Duration DEFAULT_AGEING = Duration.ofSeconds(300);
  }

  /**
   * A VXLAN tunnel endpoint (RFC 7348).
   *
   * @param local the underlay source address
   * @param port the UDP destination port (IANA 4789)
   * @param learning learn remote MACs from received frames; off means the FDB is static
   * @param fdb static forwarding entries; an all-zero MAC is a flood (head-end replication) entry
   */
  record Vxlan(Vni vni, IpAddress local, int port, boolean learning, List<FdbEntry> fdb) implements InterfaceKind {
    public static final int IANA_PORT = 4789;
    /** Outer Ethernet 14 + IPv4 20 + UDP 8 + VXLAN 8. */
    public static final int IPV4_OVERHEAD = 50;

    public Vxlan {
      fdb = List.copyOf(fdb);
    }

    @Override
    public int encapsulationOverhead() {
      return local.isIpv4() ? IPV4_OVERHEAD : IPV4_OVERHEAD + 20;
    }
  }

  /**
   * A point-to-point GRE tunnel (RFC 2784, key from RFC 2890).
   *
   * @param ethernet carry Ethernet frames (gretap, protocol 0x6558) rather than IP packets
   */
  record Gre(IpAddress local, IpAddress remote, Optional<Long> key, boolean ethernet) implements InterfaceKind {
    public Gre {
      if (key.isPresent() && (key.get() < 0 || key.get() > 0xffff_ffffL)) {
        throw new IllegalArgumentException("GRE key must fit 32 bits: " + key.get());
      }
    }

    /** Outer IPv4 20 + GRE 4 (+4 with a key), +14 for the inner Ethernet header of gretap. */
    @Override
    public int encapsulationOverhead() {
      return (local.isIpv4() ? 20 : 40) + 4 + (key.isPresent() ? 4 : 0) + (ethernet ? 14 : 0);
    }
  }

  record Tap() implements InterfaceKind {}

  /** A host's uplink to a {@link Segment}: the underlay or an external network. */
  record Physical() implements InterfaceKind {}

  /** A static VXLAN forwarding entry: frames for {@code mac} go to the VTEP at {@code remote}. */
  record FdbEntry(Mac mac, IpAddress remote) {
    public boolean isFlood() {
      return mac.equals(Mac.ZERO);
    }
  }
}
