package dev.weft.sim;

import java.util.Optional;

/**
 * Where in the network something happened: the host and namespace (when the device lives in one) and
 * the device, such as {@code host1/br0} or {@code pod1} (a namespace's IP stack).
 */
public record Location(Optional<String> host, Optional<String> namespace, String device, String kind) {

  /** {@code host/namespace} for a stack, {@code host/device} for a device, the device alone elsewhere. */
  public String label() {
    if (kind.equals("stack")) {
      return host.filter(h -> !namespace.orElse("").equals(h)).map(h -> h + "/").orElse("") + namespace.orElse(device);
    }
    return host.map(h -> h + "/").orElse("") + device;
  }

  @Override
  public String toString() {
    return label();
  }
}
