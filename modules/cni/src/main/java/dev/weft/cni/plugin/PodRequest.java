package dev.weft.cni.plugin;

import dev.weft.cni.protocol.Attachment;
import dev.weft.cni.protocol.CniException;
import dev.weft.cni.protocol.CniRequest;
import dev.weft.cni.protocol.ConfigNode;
import dev.weft.cni.protocol.ErrorCode;
import dev.weft.linux.netns.NetnsRef;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.InvalidValueException;
import dev.weft.model.value.Mac;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One ADD, DEL or CHECK as the modes see it: the attachment, the container's namespace (absent for a
 * DEL whose CNI_NETNS is empty or whose namespace is gone), the interface name, and the requested MAC
 * ({@code runtimeConfig.mac}, else CNI_ARGS {@code MAC}).
 */
public record PodRequest(CniRequest cni, String network, Attachment attachment, Optional<NetnsRef> netns,
    InterfaceName ifName, Optional<Mac> mac) {

  static final List<String> KNOWN_ARGS = List.of("MAC", "IP", "ip", "K8S_POD_NAMESPACE", "K8S_POD_NAME",
      "K8S_POD_INFRA_CONTAINER_ID", "K8S_POD_UID");

  public static PodRequest of(CniRequest request) throws CniException {
    request.env().args().checkKnown(KNOWN_ARGS);
    Optional<Path> path = request.env().netns();
    Optional<NetnsRef> netns = path.filter(Files::exists).map(NetnsRef::atPath);
    return new PodRequest(request, request.config().name(), request.attachment(), netns,
        request.env().requireIfName(), mac(request));
  }

  /** The namespace, which ADD and CHECK need: a missing one is an error naming CNI_NETNS. */
  public NetnsRef requireNetns() throws CniException {
    if (netns.isPresent()) {
      return netns.get();
    }
    throw new CniException(WeftCodes.NETNS_NOT_FOUND, "CNI_NETNS " + cni.env().netns().map(Path::toString).orElse("")
        + " is not a network namespace (no such file)");
  }

  private static Optional<Mac> mac(CniRequest request) throws CniException {
    Optional<ConfigNode> fromRuntime = request.config().runtimeConfigNode().field("mac");
    if (fromRuntime.isPresent()) {
      return Optional.of(unicast(fromRuntime.get().asValue(Mac::parse), fromRuntime.get()));
    }
    Optional<String> fromArgs = request.env().args().get("MAC");
    if (fromArgs.isEmpty()) {
      return Optional.empty();
    }
    try {
      Mac mac = Mac.parse(fromArgs.get());
      if (!mac.isUnicast()) {
        throw new InvalidValueException("MAC", fromArgs.get(), "a unicast MAC address");
      }
      return Optional.of(mac);
    } catch (InvalidValueException e) {
      throw new CniException(ErrorCode.Standard.INVALID_ENVIRONMENT, "CNI_ARGS MAC: " + e.getMessage());
    }
  }

  private static Mac unicast(Mac mac, ConfigNode node) throws CniException {
    if (!mac.isUnicast()) {
      throw node.error("expected a unicast MAC address, got " + mac);
    }
    return mac;
  }
}
