package dev.gameday.core.notify;

import dev.gameday.core.event.EventListener;
import dev.gameday.core.event.TimelineEvent;
import dev.gameday.core.port.Notifier;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a run's events into notices: the start, a probe's breach (once per probe and phase, so
 * a flapping probe does not flood a channel), the first abort and every failed revert. The
 * finished notice needs the reports, so the runner sends it itself. It listens behind the event
 * bus's scrubbing, and {@link Notifier#send} only queues: it never slows the run.
 */
public final class NoticeListener implements EventListener {
  private final Notifier notifier;
  private final Notice.Run run;
  private final Set<String> breached = new HashSet<>();
  private Optional<String> step = Optional.empty();
  private boolean aborted;

  public NoticeListener(Notifier notifier, Notice.Run run) {
    this.notifier = notifier;
    this.run = run;
  }

  @Override
  public synchronized void on(TimelineEvent event) {
    switch (event) {
      case TimelineEvent.RunStarted s -> notifier.send(new Notice.Started(run, s.at().utc(),
          s.operator().getOrDefault("name", "unknown")));
      case TimelineEvent.PhaseStarted p -> {
        step = p.step();
        breached.clear();
      }
      case TimelineEvent.SteadyStateChanged c when c.status() == TimelineEvent.SteadyStatus.BREACHED
          && breached.add(c.probe()) ->
          notifier.send(new Notice.Breached(run, c.at().utc(), c.probe(), step, c.reason()));
      case TimelineEvent.AbortRequested a when !aborted -> {
        aborted = true;
        notifier.send(new Notice.Aborted(run, a.at().utc(), a.cause().name(), a.reason()));
      }
      case TimelineEvent.RevertFailed r -> notifier.send(new Notice.RevertFailed(run, r.at().utc(),
          r.step(), r.resource(), r.reason(), r.manualCommand()));
      default -> { }
    }
  }
}
