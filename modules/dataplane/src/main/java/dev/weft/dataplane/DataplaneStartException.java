package dev.weft.dataplane;

/** The dataplane could not start for a reason other than the model or a kernel refusal (no epoll, a busy port). */
public final class DataplaneStartException extends RuntimeException {
  public DataplaneStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
