package dev.weft.cni.protocol;

/**
 * A failure that a plugin reports to the runtime as CNI error JSON. {@link #getMessage()} is the
 * {@code msg} (one line, for people); {@link #details()} is the optional longer text.
 */
public class CniException extends Exception {
  private final ErrorCode code;
  private final String details;

  public CniException(ErrorCode code, String message) {
    this(code, message, "");
  }

  public CniException(ErrorCode code, String message, String details) {
    super(message);
    this.code = code;
    this.details = details;
  }

  public CniException(ErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
    this.details = "";
  }

  public ErrorCode code() {
    return code;
  }

  /** Longer explanation; empty when there is none. */
  public String details() {
    return details;
  }

  public static CniException invalidConfig(String message) {
    return new CniException(ErrorCode.Standard.INVALID_NETWORK_CONFIG, message);
  }

  public static CniException invalidEnvironment(String message) {
    return new CniException(ErrorCode.Standard.INVALID_ENVIRONMENT, message);
  }

  public static CniException incompatibleVersion(String message) {
    return new CniException(ErrorCode.Standard.INCOMPATIBLE_VERSION, message);
  }

  public static CniException io(String message, Throwable cause) {
    return new CniException(ErrorCode.Standard.IO_FAILURE, message + ": " + cause.getMessage(), cause);
  }
}
