package dev.gameday.core.notify;

import dev.gameday.core.model.Notification;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a run tells people while it happens, one small type per moment worth a message. Built
 * from events that already passed the run's secret scrubbing (and, for {@link Finished}, from
 * the scrubbed summary), so a notice never carries a secret.
 */
public sealed interface Notice {

  Run run();

  Instant at();

  /** Which {@code events:} value selects this notice. */
  Notification.Event event();

  /** Which run a notice is about. {@code owner} is the experiment's owner, when it names one. */
  record Run(String experiment, String title, Optional<String> owner, String runId) {
    public Run {
      Objects.requireNonNull(experiment, "experiment");
      Objects.requireNonNull(title, "title");
      owner = owner == null ? Optional.empty() : owner;
      Objects.requireNonNull(runId, "runId");
    }
  }

  /** The run started (before preflight): {@code operator} is who started it. */
  record Started(Run run, Instant at, String operator) implements Notice {
    public Notification.Event event() {
      return Notification.Event.started;
    }
  }

  /** A probe left its steady state ({@code step}: during which fault step, if any). */
  record Breached(Run run, Instant at, String probe, Optional<String> step, String reason)
      implements Notice {
    public Notification.Event event() {
      return Notification.Event.breached;
    }
  }

  /** Something asked the run to stop; every injected fault is being reverted. */
  record Aborted(Run run, Instant at, String cause, String reason) implements Notice {
    public Notification.Event event() {
      return Notification.Event.aborted;
    }
  }

  /**
   * A revert did not complete: something may still be injected. {@code manualCommand} is the
   * {@code az} command line that finishes the job.
   */
  record RevertFailed(Run run, Instant at, String step, String resource, String reason,
      String manualCommand) implements Notice {
    public Notification.Event event() {
      return Notification.Event.revertFailed;
    }
  }

  /**
   * The run ended and its reports are written: the verdict ({@code outcome} and the process exit
   * code), the summary line, the headline figures and where the report is.
   */
  record Finished(Run run, Instant at, String outcome, int exitCode, String summary,
      List<Figure> figures, Optional<String> report) implements Notice {
    public Finished {
      figures = List.copyOf(figures);
    }

    public Notification.Event event() {
      return Notification.Event.finished;
    }
  }

  /** One headline figure of a step, already in words ({@code value} e.g. "48.2 s"). */
  record Figure(String step, String name, String value, String owner, Optional<String> verdict) {}
}
