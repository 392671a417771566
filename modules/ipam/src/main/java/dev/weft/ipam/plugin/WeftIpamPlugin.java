package dev.weft.ipam.plugin;

import dev.weft.cni.protocol.Attachment;
import dev.weft.cni.protocol.CniException;
import dev.weft.cni.protocol.CniLog;
import dev.weft.cni.protocol.CniPlugin;
import dev.weft.cni.protocol.CniRequest;
import dev.weft.cni.protocol.ErrorCode;
import dev.weft.cni.protocol.ErrorCode.PluginCode;
import dev.weft.cni.protocol.result.CniResult;
import dev.weft.cni.protocol.result.Dns;
import dev.weft.cni.protocol.result.IpConfig;
import dev.weft.ipam.disk.HostLocalStore;
import dev.weft.ipam.node.AllocationOutcome;
import dev.weft.ipam.node.AllocationOutcome.Allocated;
import dev.weft.ipam.node.AllocationOutcome.Exhausted;
import dev.weft.ipam.node.AllocationOutcome.Rejected;
import dev.weft.ipam.node.GcReport;
import dev.weft.ipam.node.Lease;
import dev.weft.ipam.node.NodeAllocator;
import dev.weft.ipam.range.RangeSet;
import dev.weft.model.value.IpAddress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The weft-ipam plugin: host-local's config and store with weft's crash safety, GC and STATUS. ADD
 * returns the abbreviated IPAM result; errors carry plugin codes: 100 exhausted (naming the range set),
 * 101 requested address not in a range (or reserved), 102 taken, 103 duplicate ADD, 104 CHECK mismatch.
 */
public final class WeftIpamPlugin implements CniPlugin {
  public static final String VERSION = "0.1.0";
  private final CniLog log;

  public WeftIpamPlugin(CniLog log) {
    this.log = log;
  }

  @Override
  public CniResult add(CniRequest request) throws CniException {
    IpamConfig config = IpamConfigParser.parse(request.config(), request.env().args());
    Dns dns = config.resolvConf().isPresent() ? readResolvConf(config.resolvConf().get()) : Dns.EMPTY;
    NodeAllocator allocator = allocator(config);
    Attachment owner = request.attachment();
    try {
      AllocationOutcome outcome = allocator.allocate(owner, config.requested(), request.env().netns());
      if (outcome instanceof Exhausted && config.reclaimMissingNetns()) {
        List<IpAddress> freed = allocator.reclaimMissingNetns();
        log.info("range set full; reclaimed " + freed.size() + " addresses of vanished network namespaces");
        outcome = allocator.allocate(owner, config.requested(), request.env().netns());
      }
      return switch (outcome) {
        case Allocated a -> {
          List<IpConfig> ips = new ArrayList<>();
          for (Lease l : a.leases()) {
            ips.add(IpConfig.of(l.interfaceAddress(), Optional.of(l.range().gateway())));
          }
          log.info("ADD " + owner + " -> " + a.leases().stream().map(Lease::address).toList());
          yield CniResult.ipam(ips, config.routes(), dns);
        }
        case Exhausted e -> throw exhausted(e.index(), e.rangeSet());
        case Rejected r -> throw new CniException(codeOf(r.reason()), r.message());
      };
    } catch (IOException e) {
      throw CniException.io("IPAM store " + config.dataDir().resolve(config.network()), e);
    }
  }

  @Override
  public void del(CniRequest request) throws CniException {
    IpamConfig config = IpamConfigParser.parse(request.config(), request.env().args());
    try {
      List<IpAddress> freed = allocator(config).release(request.attachment());
      log.info("DEL " + request.attachment() + " freed " + freed);
    } catch (IOException e) {
      throw CniException.io("IPAM store " + config.dataDir().resolve(config.network()), e);
    }
  }

  /** The addresses the request's attachment holds: for CHECK, and for a plugin's DEL before it releases. */
  public List<IpAddress> held(CniRequest request) throws CniException {
    IpamConfig config = IpamConfigParser.parse(request.config(), request.env().args());
    try {
      return allocator(config).addressesOf(request.attachment());
    } catch (IOException e) {
      throw CniException.io("IPAM store " + config.dataDir().resolve(config.network()), e);
    }
  }

  @Override
  public void check(CniRequest request) throws CniException {
    IpamConfig config = IpamConfigParser.parse(request.config(), request.env().args());
    Attachment owner = request.attachment();
    List<IpAddress> held = held(request);
    if (held.isEmpty()) {
      throw new CniException(PluginCode.CHECK_FAILED, "weft-ipam: no address is allocated to " + owner);
    }
    if (request.config().prevResult().isPresent()) {
      CniResult prev = CniResult.fromJson(request.config().root().require("prevResult"));
      for (IpConfig ip : prev.ips()) {
        IpAddress a = ip.address().address();
        boolean ours = config.rangeSets().stream().anyMatch(s -> s.contains(a));
        if (ours && !held.contains(a)) {
          throw new CniException(PluginCode.CHECK_FAILED,
              "weft-ipam: " + a + " in prevResult is not allocated to " + owner + " (it holds " + held + ")");
        }
      }
    }
  }

  @Override
  public void gc(CniRequest request) throws CniException {
    IpamConfig config = IpamConfigParser.parse(request.config(), request.env().args());
    List<Attachment> valid = request.config().validAttachments().orElseThrow(() -> CniException.invalidConfig(
        "GC needs cni.dev/valid-attachments (refusing to treat a missing list as empty)"));
    try {
      GcReport report = allocator(config).collectGarbage(valid, config.reclaimMissingNetns());
      log.info("GC freed " + report.freed());
      if (!report.errors().isEmpty()) {
        throw new CniException(ErrorCode.Standard.IO_FAILURE, "GC freed " + report.freed().size()
            + " addresses but could not release " + report.errors().size(), String.join("; ", report.errors()));
      }
    } catch (IOException e) {
      throw CniException.io("IPAM store " + config.dataDir().resolve(config.network()), e);
    }
  }

  @Override
  public void status(CniRequest request) throws CniException {
    IpamConfig config = IpamConfigParser.parse(request.config(), request.env().args());
    try {
      HostLocalStore store = HostLocalStore.open(config.dataDir(), config.network());
      java.util.Set<IpAddress> held = store.locked(() -> store.allocations().keySet());
      for (int i = 0; i < config.rangeSets().size(); i++) {
        RangeSet set = config.rangeSets().get(i);
        long inSet = held.stream().filter(set::contains).count();
        if (inSet >= set.capacity()) {
          throw new CniException(ErrorCode.Standard.PLUGIN_NOT_AVAILABLE,
              "weft-ipam cannot serve ADD: range set " + i + " (" + set + ") has no free address");
        }
      }
      log.debug("STATUS ok: " + held.size() + " addresses held in " + store.directory());
    } catch (IOException e) {
      throw new CniException(ErrorCode.Standard.PLUGIN_NOT_AVAILABLE,
          "weft-ipam cannot use its store " + config.dataDir().resolve(config.network()) + ": " + e.getMessage());
    }
  }

  @Override
  public String about() {
    return "weft-ipam " + VERSION;
  }

  private static NodeAllocator allocator(IpamConfig config) throws CniException {
    try {
      return new NodeAllocator(config.rangeSets(), HostLocalStore.open(config.dataDir(), config.network()));
    } catch (IOException e) {
      throw CniException.io("cannot open IPAM store " + config.dataDir().resolve(config.network()), e);
    }
  }

  private static CniException exhausted(int index, RangeSet set) {
    return new CniException(PluginCode.ADDRESS_EXHAUSTED,
        "no IP addresses available in range set " + index + ": " + set,
        "every address of " + set.ranges() + " is allocated; free some (DEL, GC) or add a range");
  }

  private static ErrorCode codeOf(AllocationOutcome.Reason reason) {
    return switch (reason) {
      case NOT_IN_RANGE, RESERVED -> PluginCode.ADDRESS_NOT_IN_RANGE;
      case TAKEN -> PluginCode.ADDRESS_TAKEN;
      case DUPLICATE -> PluginCode.DUPLICATE_ALLOCATION;
    };
  }

  private static Dns readResolvConf(Path file) throws CniException {
    try {
      return ResolvConf.parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw CniException.io("ipam.resolvConf " + file, e);
    }
  }
}
