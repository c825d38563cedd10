package dev.gameday.runner.engine;

import dev.gameday.core.event.EventListener;
import dev.gameday.core.event.Phase;
import dev.gameday.core.port.ApplicationMonitor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/** A monitor whose steadiness a test sets, with a hook on every phase change. */
final class FakeMonitor implements ApplicationMonitor {
  volatile boolean steady = true;
  final List<Phase> phases = new ArrayList<>();
  BiConsumer<Phase, EventListener> onPhase = (p, e) -> {};
  boolean closed;
  /** What {@link #warmUp()} asks for (none by default, as a monitor without one). */
  java.time.Duration warmUp = java.time.Duration.ZERO;
  /** The phase the monitor was in when it was started (empty: none announced yet). */
  java.util.Optional<Phase> startedIn;
  private EventListener events = EventListener.NONE;

  @Override
  public void start(EventListener events) {
    this.events = events;
    startedIn = phases.isEmpty() ? java.util.Optional.empty()
        : java.util.Optional.of(phases.getLast());
  }

  @Override
  public java.time.Duration warmUp() {
    return warmUp;
  }

  @Override
  public void phase(Phase phase) {
    phases.add(phase);
    onPhase.accept(phase, events);
  }

  @Override
  public boolean steady() {
    return steady;
  }

  @Override
  public List<String> activeProbes() {
    return List.of("storefront");
  }

  @Override
  public void close() {
    closed = true;
  }
}
