package dev.gameday.core.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class OpeningTest {
  private final Opening opening = new Opening(ZonedDateTime.parse("2026-03-03T02:00+01:00"),
      ZonedDateTime.parse("2026-03-03T04:00+01:00"), Duration.ofMinutes(10));

  @Test
  void faultsMustBeRevertedMarginBeforeTheEnd() {
    assertThat(opening.latestRevertBy()).isEqualTo(Instant.parse("2026-03-03T02:50:00Z"));
  }

  @Test
  void remainingCountsUpToTheLatestRevertTimeAndNeverGoesNegative() {
    assertThat(opening.remaining(Instant.parse("2026-03-03T01:30:00Z")))
        .isEqualTo(Duration.ofMinutes(80));
    assertThat(opening.remaining(Instant.parse("2026-03-03T02:55:00Z"))).isEqualTo(Duration.ZERO);
  }

  @Test
  void openingMustEndAfterItStarts() {
    assertThatThrownBy(() -> new Opening(opening.end(), opening.start(), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
