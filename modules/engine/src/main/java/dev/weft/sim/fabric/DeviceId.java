package dev.weft.sim.fabric;

/** Names one simulated device. */
public record DeviceId(Kind kind, String key) {
  public enum Kind {
    STACK, BRIDGE, VETH, VXLAN, GRE, SEGMENT, EXTERNAL
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + key;
  }
}
