package dev.weft.topology.parse;

import dev.weft.model.NetworkMode;
import dev.weft.model.SegmentKind;
import dev.weft.model.value.Cidr;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.InvalidValueException;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Mac;
import dev.weft.model.value.Name;
import dev.weft.topology.spec.HostSpec.Endpoint;
import dev.weft.topology.spec.NamespaceSpec.Destination;
import dev.weft.topology.spec.OverlaySpec.VxlanMode;
import java.util.Locale;

/** Parsers for the format's own scalar values, failing as the model's values do. */
final class Values {
  private Values() {}

  static NetworkMode mode(String text) {
    return switch (text) {
      case "bridge" -> NetworkMode.BRIDGE;
      case "overlay" -> NetworkMode.OVERLAY;
      case "host" -> NetworkMode.HOST;
      case "none" -> NetworkMode.NONE;
      default -> throw new InvalidValueException("network mode", text, "one of: bridge, overlay, host, none");
    };
  }

  static SegmentKind networkKind(String text) {
    return switch (text) {
      case "underlay" -> SegmentKind.UNDERLAY;
      case "external" -> SegmentKind.EXTERNAL;
      default -> throw new InvalidValueException("network kind", text, "one of: underlay, external");
    };
  }

  static VxlanMode vxlanMode(String text) {
    return switch (text) {
      case "l2" -> VxlanMode.L2;
      case "l3" -> VxlanMode.L3;
      default -> throw new InvalidValueException("vxlan mode", text, "one of: l2, l3");
    };
  }

  static String overlayType(String text) {
    if (text.equals("vxlan") || text.equals("gre")) {
      return text;
    }
    throw new InvalidValueException("overlay type", text, "one of: vxlan, gre");
  }

  /** {@code default}, a prefix, or a bare address (a host route, as {@code ip route} takes it). */
  static Destination destination(String text) {
    if (text.equals("default")) {
      return new Destination.Default();
    }
    if (text.indexOf('/') < 0) {
      try {
        return new Destination.Prefix(Cidr.host(IpAddress.parse(text)));
      } catch (InvalidValueException e) {
        throw new InvalidValueException("route destination", text, "default, a prefix like 10.0.0.0/24, or an address");
      }
    }
    return new Destination.Prefix(Cidr.parse(text));
  }

  /** {@code NS:IF} or a bare bridge name. */
  static Endpoint endpoint(String text) {
    int colon = text.indexOf(':');
    try {
      if (colon < 0) {
        return new Endpoint.Bridge(InterfaceName.of(text));
      }
      return new Endpoint.Interface(Name.of(text.substring(0, colon)), InterfaceName.of(text.substring(colon + 1)));
    } catch (InvalidValueException e) {
      throw new InvalidValueException("veth endpoint", text,
          "NAMESPACE:INTERFACE or a bridge name, where " + e.kind() + " " + e.expected());
    }
  }

  static Mac unicastMac(String text) {
    Mac mac = Mac.parse(text);
    if (!mac.isUnicast() || mac.equals(Mac.ZERO)) {
      throw new InvalidValueException("interface MAC address", text.toLowerCase(Locale.ROOT),
          "a unicast, non-zero address (the first octet even), like 02:00:00:00:00:01");
    }
    return mac;
  }
}
