package dev.weft.cni.plugin;

import dev.weft.cni.bridge.BridgeOptions;
import dev.weft.cni.overlay.OverlayOptions;

/** The plugin's {@code mode} key with the options that mode reads; bridge is the default. */
public sealed interface ModeConfig {

  /** A veth pair per pod, its host end on a bridge; addresses from IPAM. */
  record Bridge(BridgeOptions bridge) implements ModeConfig {}

  /** Bridge mode on the node's pod subnet, plus an overlay device that reaches the other nodes' subnets. */
  record Overlay(BridgeOptions bridge, OverlayOptions overlay) implements ModeConfig {}

  /** The pod shares the host's namespace: nothing is created; the result reports the host's addresses. */
  record Host() implements ModeConfig {}

  /** Loopback only. */
  record None() implements ModeConfig {}

  default String name() {
    return switch (this) {
      case Bridge b -> "bridge";
      case Overlay o -> "overlay";
      case Host h -> "host";
      case None n -> "none";
    };
  }
}
