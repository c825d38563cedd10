package dev.gameday.runner.engine;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import dev.gameday.core.event.EventListener;
import dev.gameday.core.event.TimelineEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * For crash tests: when {@code GAMEDAY_CRASH_AFTER=<event type>[#<n>]} is set, the process dies
 * as on {@code kill -9} (no revert, no shutdown hook) right after the journal has written the
 * n-th event of that type (the first by default). It lets a test kill a run at an exact point of
 * its journal — after {@code change.recorded}, before the change — instead of guessing with
 * timers. Unset, nothing is added to the run.
 */
public final class CrashAfter implements EventListener {
  public static final String ENV = "GAMEDAY_CRASH_AFTER";
  /** The exit status of a process killed by SIGKILL. */
  static final int KILLED = 137;

  private final String type;
  private final int occurrence;
  private final Map<Class<?>, String> names = new HashMap<>();
  private final AtomicInteger seen = new AtomicInteger();

  private CrashAfter(String type, int occurrence) {
    this.type = type;
    this.occurrence = occurrence;
    for (JsonSubTypes.Type t : TimelineEvent.class.getAnnotation(JsonSubTypes.class).value()) {
      names.put(t.value(), t.name());
    }
  }

  /** The hook the environment asks for, if any. */
  public static Optional<CrashAfter> fromEnv(Function<String, String> env) {
    String spec = env.apply(ENV);
    if (spec == null || spec.isBlank()) {
      return Optional.empty();
    }
    int hash = spec.indexOf('#');
    return Optional.of(hash < 0 ? new CrashAfter(spec.strip(), 1)
        : new CrashAfter(spec.substring(0, hash).strip(),
            Integer.parseInt(spec.substring(hash + 1).strip())));
  }

  /**
   * {@code journal}, followed by this hook, as one step: no other thread (a probe) can journal
   * anything between the chosen event and the halt, so the journal ends exactly at that event.
   */
  public EventListener after(EventListener journal) {
    CrashAfter hook = this;
    return new EventListener() {
      @Override
      public void on(TimelineEvent event) {
        synchronized (hook) {
          journal.on(event);
          hook.on(event);
        }
      }

      @Override
      public void rehearse(TimelineEvent event) {
        journal.rehearse(event);
      }
    };
  }

  @Override
  public void on(TimelineEvent event) {
    if (type.equals(names.get(event.getClass())) && seen.incrementAndGet() == occurrence) {
      Runtime.getRuntime().halt(KILLED);
    }
  }
}
