package dev.weft.engine.event;

/** Receives the decisions of forwarding handlers, in the order they are made. */
@FunctionalInterface
public interface ForwardingObserver {
  ForwardingObserver IGNORE = event -> { };

  void on(ForwardingEvent event);
}
