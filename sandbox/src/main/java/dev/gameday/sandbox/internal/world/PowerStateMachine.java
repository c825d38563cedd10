package dev.gameday.sandbox.internal.world;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A VM's power state as a timeline of segments. An operation at instant {@code t} replaces
 * whatever was planned after {@code t} with a transitional state and the final state it reaches
 * later; reading the state at any instant (past or future) is a lookup, so nothing needs a timer.
 */
public final class PowerStateMachine {

  /** From {@code from} on (until the next segment) the VM is in {@code state}. */
  public record Segment(Instant from, PowerState state) {
  }

  private final List<Segment> segments = new ArrayList<>();

  public PowerStateMachine(PowerState initial) {
    segments.add(new Segment(Instant.EPOCH, initial));
  }

  public PowerState at(Instant t) {
    return segmentAt(t).state();
  }

  private Segment segmentAt(Instant t) {
    Segment current = segments.get(0);
    for (Segment s : segments) {
      if (s.from().isAfter(t)) {
        break;
      }
      current = s;
    }
    return current;
  }

  /** When the VM last became running, if it is running at {@code t}; else null. */
  public Instant runningSince(Instant t) {
    Segment s = segmentAt(t);
    return s.state() == PowerState.RUNNING ? s.from() : null;
  }

  /** The instant the state last changed at or before {@code t}. */
  public Instant since(Instant t) {
    return segmentAt(t).from();
  }

  /** Plans {@code transitional} from {@code at} and {@code target} from {@code doneAt}, dropping later plans. */
  public void schedule(Instant at, PowerState transitional, Instant doneAt, PowerState target) {
    segments.removeIf(s -> !s.from().isBefore(at) && s.from().isAfter(Instant.EPOCH));
    append(at, transitional);
    append(doneAt, target);
  }

  private void append(Instant from, PowerState state) {
    Segment last = segments.get(segments.size() - 1);
    if (last.state() != state) {
      segments.add(new Segment(from, state));
    }
  }

  public List<Segment> segments() {
    return List.copyOf(segments);
  }
}
