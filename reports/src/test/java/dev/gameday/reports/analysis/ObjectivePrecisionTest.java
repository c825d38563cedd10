package dev.gameday.reports.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.core.journal.JournalFormat;
import dev.gameday.reports.Scenarios;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A verdict shows enough digits to see why it passed or missed. */
class ObjectivePrecisionTest {
  @TempDir Path dir;

  private static Measure time(long millis) {
    return new Measure.Time(Duration.ofMillis(millis));
  }

  @Test
  void showsTheFirstDigitAtWhichTheFigureAndTheLimitDiffer() {
    assertThat(Measure.level(time(95_000), time(60_000))).isZero();
    assertThat(time(10_500).exactLevel()).isEqualTo(1);
    assertThat(time(60_000).exactLevel()).isZero();
    assertThat(Measure.level(time(11_429), time(10_500))).isEqualTo(1);
    assertThat(time(11_429).human(1)).isEqualTo("11.4 s");
    assertThat(time(10_500).human(1)).isEqualTo("10.5 s");
    assertThat(Measure.level(time(10_540), time(10_500))).isEqualTo(2);
    assertThat(Measure.level(time(10_501), time(10_500))).isEqualTo(3);
    assertThat(Measure.level(new Measure.Ratio(0.05004), new Measure.Ratio(0.05))).isEqualTo(1);
    assertThat(new Measure.Ratio(0.05004).human(1)).isEqualTo("5.004 %");
    assertThat(new Measure.Ratio(0.05).exactLevel()).isZero();
    assertThat(Measure.judged(new Measure.Ratio(0.4336735), new Measure.Ratio(0.05)))
        .isEqualTo(new Measure.Judged("43.37 %", "5.00 %"));
  }

  @Test
  void aGapThatMissesByLessThanTheRoundingStepReadsAsAMiss() throws IOException {
    Analysis a = new RecoveryGapAnalyzer().analyze(Scenarios.gapMissedByLessThanRounding("p")
        .writeTo(dir).resolve(JournalFormat.FILE_NAME));

    ObjectiveResult gap = a.objectives().stream()
        .filter(o -> o.kind() == ObjectiveKind.MAX_APPLICATION_GAP).findFirst().orElseThrow();
    assertThat(gap.status()).isEqualTo(CheckStatus.MISSED);
    assertThat(gap.limit().human(gap.level())).isEqualTo("10.5 s");
    assertThat(gap.checks().get(0).measured().orElseThrow().human(gap.level()))
        .isEqualTo("11.4 s");
    assertThat(a.findings()).filteredOn(f -> f.code().equals("application-gap")).singleElement()
        .satisfies(f -> assertThat(f.text())
            .contains("an application gap of 11.4 s against an objective of 10.5 s"));
  }
}
