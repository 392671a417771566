package dev.weft.cni.protocol;

/** One (container ID, interface name) pair: the key of everything a plugin creates for an ADD. */
public record Attachment(String containerId, String ifName) {
  @Override
  public String toString() {
    return containerId + "/" + ifName;
  }
}
