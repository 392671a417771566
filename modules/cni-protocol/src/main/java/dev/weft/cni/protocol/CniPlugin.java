package dev.weft.cni.protocol;

import dev.weft.cni.protocol.result.CniResult;
import java.util.List;

/**
 * What a CNI plugin implements; {@link CniDispatcher} does the protocol around it (environment, stdin,
 * version checks, output, error JSON, exit code). Failures are {@link CniException}s with their code;
 * any other exception is reported as a bug in the plugin, code {@link ErrorCode.PluginCode#INTERNAL}.
 */
public interface CniPlugin {

  /** ADD: create the attachment and return the result to print (rendered for the request's version). */
  CniResult add(CniRequest request) throws CniException;

  /** DEL: remove the attachment; idempotent, succeeds when there is nothing to remove. */
  void del(CniRequest request) throws CniException;

  /** CHECK: fail when the attachment is not as ADD left it. */
  void check(CniRequest request) throws CniException;

  /** GC (1.1.0): release whatever belongs to attachments not in the valid list. */
  default void gc(CniRequest request) throws CniException {}

  /** STATUS (1.1.0): fail with code 50 or 51 when ADD cannot be served. */
  default void status(CniRequest request) throws CniException {}

  /** The versions this plugin speaks; by default every version weft supports. */
  default List<CniVersion> supportedVersions() {
    return CniVersion.SUPPORTED;
  }

  /** One line for {@code --version}-style output on stderr, e.g. "weft-ipam 0.1.0". */
  String about();
}
