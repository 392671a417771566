package dev.weft.engine.testing;

import dev.weft.engine.event.DropReason;
import dev.weft.engine.event.ForwardingEvent;
import dev.weft.engine.event.ForwardingObserver;
import java.util.ArrayList;
import java.util.List;

/** Collects the events handlers report. */
public final class Recorder implements ForwardingObserver {
  public final List<ForwardingEvent> events = new ArrayList<>();

  @Override
  public void on(ForwardingEvent event) {
    events.add(event);
  }

  public <T extends ForwardingEvent> List<T> of(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  public List<DropReason> drops() {
    return of(ForwardingEvent.Dropped.class).stream().map(ForwardingEvent.Dropped::reason).toList();
  }
}
