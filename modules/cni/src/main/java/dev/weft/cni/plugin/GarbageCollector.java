package dev.weft.cni.plugin;

import dev.weft.cni.bridge.HostVethName;
import dev.weft.cni.ipam.IpamClient;
import dev.weft.cni.nft.PodRuleInventory;
import dev.weft.cni.nft.PodRuleInventory.Element;
import dev.weft.cni.nft.PodRules;
import dev.weft.cni.protocol.Attachment;
import dev.weft.cni.protocol.CniException;
import dev.weft.cni.protocol.CniLog;
import dev.weft.cni.protocol.CniRequest;
import dev.weft.cni.protocol.ErrorCode;
import dev.weft.linux.LinuxDriver;
import dev.weft.linux.Rtnetlink;
import dev.weft.linux.error.DriverException;
import dev.weft.linux.link.Link;
import dev.weft.linux.netns.NetnsRef;
import dev.weft.model.value.InterfaceName;
import dev.weft.model.value.IpAddress;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * GC for bridge and overlay networks: everything of an attachment that is not in
 * {@code cni.dev/valid-attachments} goes — its addresses (through IPAM's GC), its host veth (found by
 * the network's name prefix), and its nft elements (found by their comments). Each part runs even when
 * an earlier one failed; all failures are reported together at the end (code 5).
 */
final class GarbageCollector {
  private final LinuxDriver driver;
  private final IpamClient ipam;
  private final PodRules rules;
  private final PodRuleInventory inventory;
  private final CniLog log;

  GarbageCollector(LinuxDriver driver, IpamClient ipam, PodRules rules, PodRuleInventory inventory, CniLog log) {
    this.driver = driver;
    this.ipam = ipam;
    this.rules = rules;
    this.inventory = inventory;
    this.log = log;
  }

  void collect(CniRequest request) throws CniException {
    String network = request.config().name();
    List<Attachment> valid = request.config().validAttachments().orElseThrow(() -> CniException.invalidConfig(
        "GC needs cni.dev/valid-attachments (refusing to treat a missing list as empty)"));
    Set<Attachment> keep = new HashSet<>(valid);
    List<String> errors = new ArrayList<>();
    if (request.config().ipam().isPresent()) {
      try {
        ipam.gc(request);
      } catch (CniException | RuntimeException e) {
        errors.add("IPAM: " + e.getMessage());
      }
    }
    int veths = removeVeths(network, keep, errors);
    int elements = removeElements(network, keep, errors);
    log.info("GC " + network + ": removed " + veths + " host veths and " + elements + " rule elements");
    if (!errors.isEmpty()) {
      throw new CniException(ErrorCode.Standard.IO_FAILURE, "GC " + network + " finished with "
          + errors.size() + " errors: " + errors.getFirst(), String.join("; ", errors));
    }
  }

  private int removeVeths(String network, Set<Attachment> keep, List<String> errors) {
    Set<String> validNames = new HashSet<>();
    keep.forEach(a -> validNames.add(HostVethName.of(network, a).value()));
    String prefix = HostVethName.networkPrefix(network);
    int removed = 0;
    try (Rtnetlink host = driver.rtnetlink(NetnsRef.home())) {
      for (Link link : host.links().list()) {
        String name = link.name().value();
        if (link.isKind("veth") && name.startsWith(prefix) && name.length() == HostVethName.LENGTH && !validNames.contains(name)) {
          try {
            removed += host.links().deleteIfExists(link.name()) ? 1 : 0;
          } catch (DriverException e) {
            errors.add(e.getMessage());
          }
        }
      }
    } catch (DriverException e) {
      errors.add(e.getMessage());
    }
    return removed;
  }

  /** All stale elements go in one nft transaction: each deleting transaction waits for an RCU grace period. */
  private int removeElements(String network, Set<Attachment> keep, List<String> errors) {
    List<Element> stale;
    try {
      stale = inventory.list(network).stream().filter(e -> !keep.contains(e.attachment())).toList();
    } catch (IOException e) {
      errors.add("list rules: " + e.getMessage());
      return 0;
    }
    List<IpAddress> addresses = new ArrayList<>();
    List<InterfaceName> ports = new ArrayList<>();
    for (Element e : stale) {
      switch (e) {
        case Element.Masquerade m -> addresses.add(m.address());
        case Element.Port p -> ports.add(InterfaceName.of(p.hostVeth()));
      }
    }
    try {
      rules.remove(addresses, ports);
      return stale.size();
    } catch (RuntimeException failure) {
      errors.add("rules of " + stale.stream().map(Element::attachment).distinct().toList() + ": " + failure.getMessage());
      return 0;
    }
  }
}
