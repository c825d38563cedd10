package dev.gameday.core.redact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.core.event.Stamp;
import dev.gameday.core.event.TimelineEvent;
import dev.gameday.core.event.TimelineEvent.Outcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventRedactorTest {
  private static final Stamp AT = new Stamp(Instant.parse("2026-01-01T00:00:00Z"), 5);
  private final EventRedactor redactor = new EventRedactor(Secrets.of(List.of("tok-9f8e7d")));

  @Test
  void aProbeReasonQuotingASecretIsMasked() {
    var sample = new TimelineEvent.ProbeSample(AT, "api", 1, 2, 3, 599, Outcome.UNEXPECTED_STATUS,
        "599 Bearer tok-9f8e7d");
    assertThat(redactor.redact(sample)).isEqualTo(new TimelineEvent.ProbeSample(AT, "api", 1, 2, 3,
        599, Outcome.UNEXPECTED_STATUS, "599 Bearer ***"));
  }

  @Test
  void aSampleWithoutASecretIsTheSameInstance() {
    var sample = new TimelineEvent.ProbeSample(AT, "api", 1, 2, 3, 200, Outcome.OK, "200 OK");
    assertThat(redactor.redact(sample)).isSameAs(sample);
  }

  @Test
  void aProbeNameHoldingASecretIsMaskedToo() {
    var sample = new TimelineEvent.ProbeSample(AT, "api-tok-9f8e7d", 1, 2, 3, 200, Outcome.OK,
        "200 OK");
    assertThat(((TimelineEvent.ProbeSample) redactor.redact(sample)).probe()).isEqualTo("api-***");
  }

  /** The samples' short path scrubs the probe and the reason: a new text would escape it. */
  @Test
  void aSampleCarriesNoTextButItsProbeAndReason() {
    assertThat(java.util.Arrays.stream(TimelineEvent.ProbeSample.class.getRecordComponents())
        .filter(c -> !c.getType().isPrimitive() && !c.getType().isEnum()
            && c.getType() != dev.gameday.core.event.Stamp.class)
        .map(java.lang.reflect.RecordComponent::getName))
        .containsExactlyInAnyOrder("probe", "reason");
  }

  @Test
  void textsInsideListsAndMapsAreMaskedToo() {
    var targets = new TimelineEvent.TargetsResolved(AT, Map.of("web", List.of("/vm/tok-9f8e7d")));
    assertThat(((TimelineEvent.TargetsResolved) redactor.redact(targets)).targets())
        .isEqualTo(Map.of("web", List.of("/vm/***")));
  }

  @Test
  void anEventWithoutASecretIsTheSameInstance() {
    var note = new TimelineEvent.Note(AT, TimelineEvent.Level.INFO, "nothing to hide");
    assertThat(redactor.redact(note)).isSameAs(note);
  }
}
