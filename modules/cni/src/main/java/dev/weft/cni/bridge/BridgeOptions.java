package dev.weft.cni.bridge;

import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.Mtu;
import java.util.Optional;

/**
 * The reference bridge plugin's options, with its meanings, so that switching {@code type} keeps a
 * config working: {@code isDefaultGateway} implies {@code isGateway}; {@code promiscMode} and
 * {@code hairpinMode} exclude each other; {@code enabledad} is off by default (plugins#680).
 */
public record BridgeOptions(
    InterfaceName bridge,
    boolean isGateway,
    boolean isDefaultGateway,
    boolean ipMasq,
    Optional<Mtu> mtu,
    boolean hairpinMode,
    boolean promiscMode,
    boolean forceAddress,
    boolean macSpoofCheck,
    boolean enableDad) {

  public static final InterfaceName DEFAULT_BRIDGE = InterfaceName.of("cni0");

  public BridgeOptions {
    if (isDefaultGateway) {
      isGateway = true;
    }
    if (hairpinMode && promiscMode) {
      throw new IllegalArgumentException("hairpinMode and promiscMode cannot both be set");
    }
  }

  public BridgeOptions withMtu(Mtu value) {
    return new BridgeOptions(bridge, isGateway, isDefaultGateway, ipMasq, Optional.of(value), hairpinMode,
        promiscMode, forceAddress, macSpoofCheck, enableDad);
  }
}
