package dev.gameday.reports.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlatformInstantTest {
  static final Instant BEFORE = Instant.parse("2026-03-03T02:01:10Z");
  static final Instant AFTER = Instant.parse("2026-03-03T02:01:12Z");

  @Test
  void azuresOwnTimeWithinTheBracketIsTheInstant() {
    PlatformInstant i = PlatformInstant.of("vm-1", Optional.of(BEFORE), AFTER,
        Optional.of(Instant.parse("2026-03-03T02:01:11.5Z")), "the job's endTime");

    assertThat(i.at()).isEqualTo(Instant.parse("2026-03-03T02:01:11.5Z"));
    assertThat(i.source()).isEqualTo(PlatformInstant.Source.AZURE);
    assertThat(i.basis()).isEqualTo("the job's endTime");
    assertThat(i.width()).contains(Duration.ofSeconds(2));
  }

  @Test
  void azuresTimeOutsideTheBracketIsAboutSomethingElseAndTheLookIsTheInstant() {
    PlatformInstant early = PlatformInstant.of("vm-1", Optional.of(BEFORE), AFTER,
        Optional.of(Instant.parse("2026-03-03T01:00:00Z")), "provisioning time");
    PlatformInstant late = PlatformInstant.of("vm-1", Optional.of(BEFORE), AFTER,
        Optional.of(Instant.parse("2026-03-03T02:01:12.001Z")), "provisioning time");

    assertThat(early.at()).isEqualTo(AFTER);
    assertThat(early.source()).isEqualTo(PlatformInstant.Source.POLL);
    assertThat(late.at()).isEqualTo(AFTER);
    assertThat(late.source()).isEqualTo(PlatformInstant.Source.POLL);
  }

  @Test
  void withoutALowerBoundTheWidthIsUnknown() {
    PlatformInstant i = PlatformInstant.of("vm-1", Optional.empty(), AFTER, Optional.empty(), "");

    assertThat(i.at()).isEqualTo(AFTER);
    assertThat(i.width()).isEmpty();
  }
}
