package dev.weft.cni.bridge;

import dev.weft.cni.protocol.Attachment;
import dev.weft.model.value.InterfaceName;
import java.nio.charset.StandardCharsets;

/**
 * The host end of a pod's veth: {@code wv} + 3 hex digits of the network + 7 of the attachment (12
 * bytes). Derived, not random (the reference plugin's {@code vethXXXXXXXX}), so that DEL finds it
 * without the netns or any saved state, and GC can tell this network's veths from others on the same
 * bridge.
 */
public final class HostVethName {
  public static final String PREFIX = "wv";
  /** Every name is this long, which GC uses to tell them from other links with the same prefix. */
  public static final int LENGTH = 12;

  private HostVethName() {}

  public static InterfaceName of(String network, Attachment attachment) {
    return InterfaceName.of(networkPrefix(network) + hex(fnv(network + "/" + attachment.containerId() + "/"
        + attachment.ifName()), 7));
  }

  /** The first five bytes every host veth of {@code network} shares. */
  public static String networkPrefix(String network) {
    return PREFIX + hex(fnv(network), 3);
  }

  private static long fnv(String text) {
    long h = 0xcbf29ce484222325L;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    return h;
  }

  private static String hex(long value, int digits) {
    String s = Long.toHexString(value);
    return s.length() >= digits ? s.substring(s.length() - digits) : "0".repeat(digits - s.length()) + s;
  }
}
