package dev.weft.cni.ipam;

import dev.weft.cni.protocol.CniArgs;
import dev.weft.cni.protocol.CniCommand;
import dev.weft.cni.protocol.CniEnvironment;
import dev.weft.cni.protocol.CniException;
import dev.weft.cni.protocol.CniLog;
import dev.weft.cni.protocol.CniRequest;
import dev.weft.cni.protocol.DelegateInvoker;
import dev.weft.cni.protocol.result.CniResult;
import dev.weft.ipam.plugin.WeftIpamPlugin;
import dev.weft.model.value.IpAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plugin's IPAM. {@code weft-ipam} and {@code host-local} (whose store weft-ipam shares) run in
 * this process, so an ADD costs no second JVM or fork; any other {@code ipam.type} is exec'd from
 * CNI_PATH as the spec describes. The keys the parent plugin consumes from CNI_ARGS ({@code MAC}) are
 * taken out before IPAM sees them, so IPAM's unknown-key check does not reject them.
 */
public final class IpamClient {
  private static final Set<String> IN_PROCESS = Set.of("weft-ipam", "host-local");
  private static final Set<String> PARENT_KEYS = Set.of("MAC");

  private final CniLog log;
  private final DelegateInvoker delegate;

  public IpamClient(CniLog log, DelegateInvoker delegate) {
    this.log = log;
    this.delegate = delegate;
  }

  public CniResult add(CniRequest request) throws CniException {
    String type = type(request);
    return inProcess(type) ? plugin().add(forIpam(request)) : delegate.add(type, forIpam(request).env(), stdin(request));
  }

  public void del(CniRequest request) throws CniException {
    String type = type(request);
    if (inProcess(type)) {
      plugin().del(forIpam(request));
    } else {
      delegate.invoke(type, CniCommand.DEL, forIpam(request).env(), stdin(request));
    }
  }

  public void check(CniRequest request) throws CniException {
    String type = type(request);
    if (inProcess(type)) {
      plugin().check(forIpam(request));
    } else {
      delegate.invoke(type, CniCommand.CHECK, forIpam(request).env(), stdin(request));
    }
  }

  public void gc(CniRequest request) throws CniException {
    String type = type(request);
    if (inProcess(type)) {
      plugin().gc(forIpam(request));
    } else {
      delegate.invoke(type, CniCommand.GC, forIpam(request).env(), stdin(request));
    }
  }

  public void status(CniRequest request) throws CniException {
    String type = type(request);
    if (inProcess(type)) {
      plugin().status(forIpam(request));
    } else {
      delegate.invoke(type, CniCommand.STATUS, forIpam(request).env(), stdin(request));
    }
  }

  /**
   * The addresses the in-process store holds for the request's attachment (empty for exec'd IPAM):
   * DEL reads them before releasing, to remove the rules keyed by them even when prevResult is absent.
   */
  public List<IpAddress> held(CniRequest request) throws CniException {
    return inProcess(type(request)) ? plugin().held(forIpam(request)) : List.of();
  }

  private WeftIpamPlugin plugin() {
    return new WeftIpamPlugin(log);
  }

  private static boolean inProcess(String type) {
    return IN_PROCESS.contains(type);
  }

  private static String type(CniRequest request) throws CniException {
    return request.config().ipam()
        .orElseThrow(() -> CniException.invalidConfig("ipam: missing (required in this mode)"))
        .require("type").asString();
  }

  private static byte[] stdin(CniRequest request) {
    return request.config().raw().toJson().getBytes(StandardCharsets.UTF_8);
  }

  /** The request with the parent plugin's own CNI_ARGS keys removed. */
  static CniRequest forIpam(CniRequest request) {
    CniEnvironment env = request.env();
    Map<String, String> args = new LinkedHashMap<>(env.args().values());
    if (args.keySet().removeAll(PARENT_KEYS)) {
      env = new CniEnvironment(env.command(), env.containerId(), env.netns(), env.ifName(), new CniArgs(args),
          env.path());
    }
    return new CniRequest(env, request.config());
  }
}
