package dev.gameday.runner.engine;

import dev.gameday.core.event.EventListener;
import dev.gameday.core.event.TimelineEvent;
import dev.gameday.core.event.TimelineEvent.ProbeSample;
import dev.gameday.core.journal.JournalWriter;
import dev.gameday.core.model.ReportOptions.SampleRecording;

/**
 * Writes events to the run's journal. With {@code samples: failures}, successful probe samples are
 * left out (the steady-state transitions and every failure still are written).
 */
public final class JournalListener implements EventListener {
  private final JournalWriter writer;
  private final SampleRecording samples;

  public JournalListener(JournalWriter writer, SampleRecording samples) {
    this.writer = writer;
    this.samples = samples;
  }

  @Override
  public void on(TimelineEvent event) {
    if (kept(event)) {
      writer.append(event);
    }
  }

  @Override
  public void rehearse(TimelineEvent event) {
    if (kept(event)) {
      writer.rehearse(event);
    }
  }

  private boolean kept(TimelineEvent event) {
    return samples != SampleRecording.failures || !(event instanceof ProbeSample s && s.ok());
  }
}
