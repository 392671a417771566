package dev.weft.policy.verify;

/** A {@code --src}/{@code --dst} that names no workload, pod or address: a user error (exit code 2). */
public final class UnknownEndpointException extends IllegalArgumentException {
  public UnknownEndpointException(String message) {
    super(message);
  }
}
