package dev.weft.netfilter.verify;

/** An option of {@code weft verify chains} that makes no sense (a user error: exit code 2). */
public final class InvalidChainsQueryException extends Exception {
  public InvalidChainsQueryException(String message) {
    super(message);
  }
}
