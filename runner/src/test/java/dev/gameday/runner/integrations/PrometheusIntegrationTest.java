package dev.gameday.runner.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shipped Prometheus rules and Grafana dashboard under {@code integrations/}: promtool
 * accepts the rules and their unit tests pass (the alerts fire when they should and only
 * then), the dashboard parses and every series it queries is either a recording rule of ours
 * or one of the series Gameday exports. That the exported names really appear in a run's
 * scrape is checked against a real run in {@code e2e.CiIntegrationsEndToEndTest}.
 */
public class PrometheusIntegrationTest {
  public static final Path PROMETHEUS = repo().resolve("integrations/prometheus");
  public static final Path DASHBOARD = repo().resolve("integrations/grafana/gameday-fleet.json");
  static final Pattern SERIES = Pattern.compile("\\bgameday[_:][A-Za-z0-9_:]*");
  static final Pattern RECORD = Pattern.compile("(?m)^\\s*- record: (\\S+)");

  public static Path repo() {
    Path here = Path.of("").toAbsolutePath();
    return Files.isDirectory(here.resolve("integrations")) ? here : here.getParent();
  }

  @Test
  void promtoolAcceptsTheRulesAndTheirUnitTestsPass() throws Exception {
    Promtool.Result check = Promtool.run(PROMETHEUS, "", "check", "rules", "gameday-rules.yml");
    assertThat(check.exit()).as(check.output()).isZero();
    assertThat(check.output()).contains("SUCCESS: 8 rules found");
    Promtool.Result test = Promtool.run(PROMETHEUS, "", "test", "rules", "gameday-rules.test.yml");
    assertThat(test.exit()).as(test.output()).isZero();
  }

  /** Every gameday series the dashboard's queries name, recording rules resolved to theirs. */
  public static Set<String> seriesTheDashboardNeeds() throws Exception {
    JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
    String rules = Files.readString(PROMETHEUS.resolve("gameday-rules.yml"));
    Set<String> recorded = new LinkedHashSet<>();
    Matcher r = RECORD.matcher(rules);
    while (r.find()) {
      recorded.add(r.group(1));
    }
    Set<String> out = new LinkedHashSet<>();
    for (String expr : dashboard.findValuesAsText("expr")) {
      Matcher m = SERIES.matcher(expr);
      while (m.find()) {
        out.add(m.group());
      }
    }
    assertThat(out).isNotEmpty();
    Set<String> raw = new LinkedHashSet<>();
    for (String s : out) {
      if (s.contains(":")) {
        assertThat(recorded).as("the dashboard's " + s + " is a recording rule of ours").contains(s);
      } else {
        raw.add(s);
      }
    }
    // The recording rules' own inputs are needed too.
    Matcher m = SERIES.matcher(rules.replaceAll("(?m)^\\s*(- record|alert): .*$", ""));
    while (m.find()) {
      if (!m.group().contains(":")) {
        raw.add(m.group());
      }
    }
    return raw;
  }

  @Test
  void theDashboardParsesAndQueriesOnlyOurSeries() throws Exception {
    JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
    assertThat(dashboard.path("uid").asText()).isEqualTo("gameday-fleet");
    assertThat(dashboard.path("panels")).allSatisfy(p -> {
      assertThat(p.path("targets")).isNotEmpty();
      assertThat(p.path("datasource").path("uid").asText()).isEqualTo("${datasource}");
    });
    assertThat(seriesTheDashboardNeeds()).contains("gameday_figure_seconds", "gameday_verdict",
        "gameday_run_info", "gameday_probe_latency_seconds_bucket")
        .allSatisfy(s -> assertThat(s).matches("gameday_[a-z0-9_]+"));
  }
}
