package dev.weft.lab;

/**
 * A lab command cannot do what was asked, for a reason the user can act on; the message says what and
 * what to do. The CLI reports these without a stack trace (exit code 2). Kernel failures during a deploy
 * stay {@link dev.weft.linux.error.DriverException}s.
 */
public abstract sealed class LabException extends RuntimeException
    permits LabException.NotPrivileged, LabException.UnsupportedByKernel, LabException.Conflict,
        LabException.NoSuchLab, LabException.NotConverged, LabException.ChangeFailed, LabException.NotDeployable {

  LabException(String message) {
    super(message);
  }

  LabException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Not root (or without CAP_NET_ADMIN and CAP_SYS_ADMIN). */
  public static final class NotPrivileged extends LabException {
    public NotPrivileged(String command) {
      super("weft " + command + " needs root: it creates network namespaces and links, which takes CAP_SYS_ADMIN"
          + " and CAP_NET_ADMIN. Run it as root, for example with sudo.");
    }
  }

  /** The topology needs a link kind this kernel lacks (GRE here); raised before anything is created. */
  public static final class UnsupportedByKernel extends LabException {
    private final String kind;

    public UnsupportedByKernel(String kind, String family, String usedBy, Throwable cause) {
      super("this kernel has no " + family + " support: link kind '" + kind + "' is unsupported by this kernel (needed by "
          + usedBy + "). Nothing was created. Simulate this topology with 'weft sim' instead.", cause);
      this.kind = kind;
    }

    public String kind() {
      return kind;
    }
  }

  /** The topology needs something this machine cannot provide (not a link kind); raised before anything is created. */
  public static final class NotDeployable extends LabException {
    public NotDeployable(java.util.List<String> reasons) {
      super("this topology cannot be deployed here: " + String.join("; ", reasons) + ". Nothing was created.");
    }
  }

  /** The lab name is taken by another topology's lab, or something in the way is not the lab's. */
  public static final class Conflict extends LabException {
    public Conflict(String message) {
      super(message);
    }
  }

  /** No record and no namespace of that lab. */
  public static final class NoSuchLab extends LabException {
    public NoSuchLab(String message) {
      super(message);
    }
  }

  /**
   * The kernel refused one change of a deploy. The message names the change (with its settings, which the
   * kernel's own error often does not) and what became of the lab.
   */
  public static final class ChangeFailed extends LabException {
    private final String change;

    public ChangeFailed(String change, String outcome, RuntimeException cause) {
      super("deploy failed at '" + change + "': " + cause.getMessage() + "; " + outcome, cause);
      this.change = change;
    }

    /** The change the kernel refused, in words. */
    public String change() {
      return change;
    }
  }

  /** The kernel kept differing from the plan after the changes were applied. */
  public static final class NotConverged extends LabException {
    public NotConverged(String message) {
      super(message);
    }
  }
}
