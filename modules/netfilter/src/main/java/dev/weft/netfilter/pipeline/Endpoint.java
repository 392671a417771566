package dev.weft.netfilter.pipeline;

import dev.weft.model.value.IpAddress;

/** An address and, for protocols with ports, a port (-1 otherwise): one end of a translation. */
public record Endpoint(IpAddress address, int port) {
  @Override
  public String toString() {
    return port < 0 ? address.toString() : address + ":" + port;
  }
}
