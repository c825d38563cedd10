package dev.gameday.runner.cli;

import static dev.gameday.runner.cli.CliTest.cli;
import static dev.gameday.runner.cli.CliTest.repo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What {@code plan} says about the window: open now until when, and a next opening to come. */
class PlanWindowTest {
  @Test
  void anOpenWindowIsOpenNowAndTheNextOpeningLiesInTheFuture() {
    Instant before = Instant.now();
    // Every minute for an hour: always open, and the opening under way began in the past.
    CliTest.Result r = cli("plan", repo().resolve("experiments/sandbox/vm-poweroff.yaml").toString());

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("open now until ");
    Matcher m = Pattern.compile("next opening (\\S+?)(;|\\n|$)").matcher(r.out());
    assertThat(m.find()).as(r.out()).isTrue();
    Instant next = ZonedDateTime.parse(m.group(1), DateTimeFormatter.ISO_ZONED_DATE_TIME).toInstant();
    assertThat(next).isAfter(before);
  }
}
