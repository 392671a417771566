package dev.weft.cni.plugin;

import dev.weft.cni.protocol.ErrorCode.PluginCode;

/**
 * The weft plugin's own CNI error codes (100-104 are IPAM's, see ErrorCode.PluginCode, and pass through
 * unchanged from the in-process allocator).
 */
public final class WeftCodes {
  /** ADD: the container already has an interface with CNI_IFNAME. */
  public static final PluginCode INTERFACE_EXISTS = new PluginCode(110);
  /** ADD/CHECK: CNI_NETNS does not name a network namespace. */
  public static final PluginCode NETNS_NOT_FOUND = new PluginCode(111);
  /** The kernel refused a change (the message names the operation and errno). */
  public static final PluginCode KERNEL_REFUSED = new PluginCode(112);
  /** The overlay peers file is missing or malformed. */
  public static final PluginCode BAD_PEERS_FILE = new PluginCode(113);
  /** A host-side rule could not be applied. */
  public static final PluginCode RULES_FAILED = new PluginCode(114);

  private WeftCodes() {}
}
