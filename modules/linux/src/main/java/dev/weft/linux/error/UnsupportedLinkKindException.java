package dev.weft.linux.error;

import java.util.Optional;

/**
 * The kernel has no driver for a link kind, e.g. "this kernel has no gre support". The kernel answers
 * EOPNOTSUPP ("Unknown device type") when no module provides {@code rtnl-link-KIND} and none can be
 * loaded.
 */
public final class UnsupportedLinkKindException extends NotSupportedException {
  private final String kind;

  public UnsupportedLinkKindException(String operation, String kind, int errno, Optional<String> kernelMessage) {
    super(operation, errno, kernelMessage,
        operation + " failed: this kernel has no " + family(kind) + " support (link kind '" + kind
            + "' is unsupported by this kernel; " + Errno.describe(errno)
            + kernelMessage.map(m -> ", kernel says: " + m).orElse("") + ")");
    this.kind = kind;
  }

  /** The rejected link kind, as sent in IFLA_INFO_KIND. */
  public String kind() {
    return kind;
  }

  private static String family(String kind) {
    return switch (kind) {
      case "gre", "gretap", "ip6gre", "ip6gretap", "erspan" -> "gre";
      default -> kind;
    };
  }
}
