package dev.gameday.core.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.core.event.Phase;
import dev.gameday.core.event.Stamp;
import dev.gameday.core.event.TimelineEvent;
import dev.gameday.core.port.Notifier;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Which events become notices, and how often. */
class NoticeListenerTest {
  static final Notice.Run RUN = new Notice.Run("exp", "Exp", Optional.of("team"), "run-1");
  final List<Notice> sent = new CopyOnWriteArrayList<>();
  final NoticeListener listener = new NoticeListener(new Notifier() {
    @Override
    public void send(Notice notice) {
      sent.add(notice);
    }

    @Override
    public List<String> finish(Duration wait) {
      return List.of();
    }
  }, RUN);
  long t;

  Stamp at() {
    t++;
    return new Stamp(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(t), t);
  }

  TimelineEvent.SteadyStateChanged breach(String probe) {
    return new TimelineEvent.SteadyStateChanged(at(), probe, TimelineEvent.SteadyStatus.BREACHED,
        Instant.EPOCH, Instant.EPOCH, "3 of 10 failed");
  }

  @Test
  void aRunsMomentsBecomeNoticesAndTheRestStaysQuiet() {
    listener.on(new TimelineEvent.RunStarted(at(), "run-1", "exp", "Exp", "exp.yaml", "sha", "",
        "1.0", Map.of("name", "ci@example.com"), Optional.empty()));
    listener.on(new TimelineEvent.PhaseStarted(at(), Phase.values()[0], Optional.of("web-off")));
    listener.on(new TimelineEvent.Note(at(), TimelineEvent.Level.INFO, "hello"));
    listener.on(breach("storefront"));
    listener.on(new TimelineEvent.AbortRequested(at(), TimelineEvent.AbortCause.SIGNAL, "SIGTERM"));
    listener.on(new TimelineEvent.AbortRequested(at(), TimelineEvent.AbortCause.SIGNAL, "again"));
    listener.on(new TimelineEvent.RevertFailed(at(), "web-off", "/vm/web1", "timed out",
        "az vm start --ids /vm/web1"));

    assertThat(sent).extracting(n -> n.getClass().getSimpleName())
        .containsExactly("Started", "Breached", "Aborted", "RevertFailed");
    assertThat(((Notice.Started) sent.get(0)).operator()).isEqualTo("ci@example.com");
    assertThat(((Notice.Breached) sent.get(1)).step()).contains("web-off");
    assertThat(((Notice.Aborted) sent.get(2)).cause()).isEqualTo("SIGNAL");
    assertThat(((Notice.RevertFailed) sent.get(3)).manualCommand()).startsWith("az vm start");
  }

  @Test
  void aFlappingProbeIsAnnouncedOncePerPhase() {
    listener.on(new TimelineEvent.PhaseStarted(at(), Phase.values()[0], Optional.of("a")));
    for (int i = 0; i < 5; i++) {
      listener.on(breach("storefront"));
      listener.on(new TimelineEvent.SteadyStateChanged(at(), "storefront",
          TimelineEvent.SteadyStatus.STEADY, Instant.EPOCH, Instant.EPOCH, "ok"));
    }
    listener.on(breach("checkout"));
    listener.on(new TimelineEvent.PhaseStarted(at(), Phase.values()[0], Optional.of("b")));
    listener.on(breach("storefront"));
    assertThat(sent).extracting(n -> ((Notice.Breached) n).probe() + "@"
        + ((Notice.Breached) n).step().orElse(""))
        .containsExactly("storefront@a", "checkout@a", "storefront@b");
  }
}
