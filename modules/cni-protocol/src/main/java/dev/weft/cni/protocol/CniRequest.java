package dev.weft.cni.protocol;

/** One invocation: the validated environment and the parsed network config. */
public record CniRequest(CniEnvironment env, NetworkConfig config) {

  /** The (container ID, ifname) key of ADD, DEL and CHECK. */
  public Attachment attachment() {
    return new Attachment(env.requireContainerId(), env.requireIfName().value());
  }
}
