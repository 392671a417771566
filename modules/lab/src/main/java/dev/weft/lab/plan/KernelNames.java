package dev.weft.lab.plan;

import dev.weft.lab.LabName;
import dev.weft.linux.netns.NetnsName;
import dev.weft.model.InterfaceRef;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.Name;
import java.util.Optional;

/**
 * How a lab names things on the kernel. A stack (a host's root or a container) is the namespace
 * {@code LAB-NAME}; a segment is {@code LAB--NAME} (model names never start with '-', so the two never
 * collide, and hosts and segments may share a name). Interfaces keep their model names: they live inside
 * the lab's namespaces. Only generated names are new: a segment's bridge and its ports, and the dangling
 * peer of a veth the model leaves unconnected.
 */
public record KernelNames(LabName lab) {
  /** The bridge of a segment namespace. */
  public static final InterfaceName SEGMENT_BRIDGE = InterfaceName.of("seg0");
  public static final InterfaceName LOOPBACK = InterfaceName.of("lo");

  public NetnsName stack(Name namespace) {
    return NetnsName.of(lab.value() + "-" + namespace.value());
  }

  public NetnsName segment(Name segment) {
    return NetnsName.of(lab.value() + "--" + segment.value());
  }

  /** Whether a namespace name carries this lab's prefix. */
  public boolean owns(NetnsName name) {
    return owns(lab, name);
  }

  public static boolean owns(LabName lab, NetnsName name) {
    return name.value().startsWith(lab.value() + "-");
  }

  /** The lab a namespace name belongs to, if it looks like a lab's. */
  public static Optional<LabName> labOf(NetnsName name) {
    int dash = name.value().indexOf('-');
    if (dash <= 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(LabName.of(name.value().substring(0, dash)));
    } catch (IllegalArgumentException notALab) {
      return Optional.empty();
    }
  }

  /** The port in a segment's namespace that an uplink plugs into: {@code u} + 8 hex digits of its ref. */
  public static InterfaceName segmentPort(InterfaceRef uplink) {
    return InterfaceName.of("u" + hash(uplink.toString()));
  }

  /** The far end, down and in the same namespace, of a veth the model leaves without a peer. */
  public static InterfaceName danglingPeer(InterfaceRef veth) {
    return InterfaceName.of("x" + hash(veth.toString()));
  }

  private static String hash(String text) {
    return ShortHash.hex(text, 4);
  }
}
