package dev.weft.cni.protocol.result;

import dev.weft.model.value.Cidr;
import dev.weft.model.value.IpAddress;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One entry of {@code routes[]}. {@code mtu}, {@code advmss}, {@code priority}, {@code table} and
 * {@code scope} are CNI 1.1.0 additions and are rendered only for 1.1.0 and later.
 */
public record RouteEntry(
    Cidr dst,
    Optional<IpAddress> gw,
    OptionalInt mtu,
    OptionalInt advmss,
    OptionalInt priority,
    OptionalInt table,
    OptionalInt scope) {

  /** Parses a route object as results and configs ({@code ipam.routes}) write it. */
  public static RouteEntry fromJson(dev.weft.cni.protocol.ConfigNode node) throws dev.weft.cni.protocol.CniException {
    return ResultCodec.parseRoute(node);
  }

  public static RouteEntry of(Cidr dst, Optional<IpAddress> gw) {
    return new RouteEntry(dst, gw, OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(),
        OptionalInt.empty(), OptionalInt.empty());
  }
}
