package dev.gameday.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  @ParameterizedTest(name = "{0} = {1} ms")
  @CsvSource({
      "PT30S, 30000", "PT0.5S, 500", "P1D, 86400000", "PT1H30M, 5400000", "PT800MS, 800", "PT1M800MS, 60800",
      "P1DT2H, 93600000", "PT0S, 0",
      "500ms, 500", "30s, 30000", "5m, 300000", "2h, 7200000", "1h30m, 5400000", "1d, 86400000", "1m30s, 90000",
      "0s, 0"})
  void bothFormsAreRead(String text, long millis) {
    assertThat(Durations.parse(text)).contains(Duration.ofMillis(millis));
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @ValueSource(strings = {"", "P", "PT", "P1M", "P1Y", "1mo", "5", "5 m", "-PT5S", "PT-5S", "pt5s", "30S", "1.5s",
      "30s1h", "1h 30m", "P1DT", "soon"})
  void anythingElseIsNotADuration(String text) {
    assertThat(Durations.parse(text)).isEmpty();
  }
}
