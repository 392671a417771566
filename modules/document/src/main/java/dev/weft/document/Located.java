package dev.weft.document;

import java.util.function.Function;

/** A value read from a document, with where it was written, so later checks can point back at it. */
public record Located<T>(T value, Origin origin) {

  public <U> Located<U> map(Function<? super T, ? extends U> f) {
    return new Located<>(f.apply(value), origin);
  }

  @Override
  public String toString() {
    return value + " @ " + origin;
  }
}
