package dev.gameday.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.core.model.Experiment;
import dev.gameday.core.model.HttpRequestSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InterpolationTest {
  private static final String TOKEN = "tok-8c1d9e77-secret";
  private static final String SUBSCRIPTION = "6f1e2d3c-aaaa-bbbb-cccc-0123456789ab";

  private static final String YAML = """
      apiVersion: gameday/v1
      kind: Experiment
      metadata: {name: interpolation}
      window: {timezone: UTC, schedule: "* * * * *", duration: PT1H}
      azure: {subscription: "${env:SUB}"}
      safety:
        maxTargets: ${env:MAX_TARGETS:-3}
      steadyState:
        probes:
          - name: home
            http:
              url: "${env:SHOP_URL:-http://127.0.0.1:8480/}health"
              headers:
                Authorization: "Bearer ${env:TOKEN}"
                Accept: application/json
                X-Literal: "$${env:NOT_INTERPOLATED}"
      faults: [{name: wait, pause: {}, hold: PT1M}]
      """;

  private static LoadResult load(Map<String, String> env, String yaml) {
    return new ExperimentLoader(env::get).load("exp.yaml", yaml.getBytes(StandardCharsets.UTF_8), Path.of("."));
  }

  @Test
  void defaultsApplyWhenTheVariableIsUnsetAndValuesWhenSet() {
    var loaded = (LoadResult.Loaded) load(Map.of("SUB", SUBSCRIPTION, "TOKEN", TOKEN), YAML);
    Experiment e = loaded.experiment();
    HttpRequestSpec http = e.steadyState().probes().getFirst().http();

    assertThat(e.azure().subscription()).isEqualTo(SUBSCRIPTION);
    assertThat(e.safety().maxTargets()).isEqualTo(3);
    assertThat(http.url()).hasToString("http://127.0.0.1:8480/health");
    assertThat(http.headers()).containsEntry("Authorization", "Bearer " + TOKEN)
        .containsEntry("X-Literal", "${env:NOT_INTERPOLATED}");

    var overridden = (LoadResult.Loaded) load(Map.of("SUB", SUBSCRIPTION, "TOKEN", TOKEN, "MAX_TARGETS", "2",
        "SHOP_URL", "https://shop.test/"), YAML);
    assertThat(overridden.experiment().safety().maxTargets()).isEqualTo(2);
    assertThat(overridden.experiment().steadyState().probes().getFirst().http().url())
        .hasToString("https://shop.test/health");
  }

  @Test
  void headersFromTheEnvironmentAreSecretAndRedacted() {
    var loaded = (LoadResult.Loaded) load(Map.of("SUB", SUBSCRIPTION, "TOKEN", TOKEN), YAML);
    HttpRequestSpec http = loaded.experiment().steadyState().probes().getFirst().http();

    assertThat(http.secretHeaders()).containsExactly("Authorization");
    assertThat(http.redactedHeaders()).containsEntry("Authorization", "***").containsEntry("Accept", "application/json");
  }

  @Test
  void theRedactedYamlNeverHoldsASecretValue() {
    String withLiteralCopy = YAML + "# a careless note repeating the token: " + TOKEN + "\n";
    var loaded = (LoadResult.Loaded) load(Map.of("SUB", SUBSCRIPTION, "TOKEN", TOKEN), withLiteralCopy);

    assertThat(loaded.redactedYaml()).contains("${env:TOKEN}").doesNotContain(TOKEN).doesNotContain(SUBSCRIPTION);
  }

  @Test
  void aMissingVariableIsNamedWithItsLocation() {
    var invalid = (LoadResult.Invalid) load(Map.of("SUB", SUBSCRIPTION), YAML);

    assertThat(invalid.problems()).singleElement().satisfies(p -> assertThat(p.format())
        .isEqualTo("exp.yaml:14:26: environment variable TOKEN is not set "
            + "(hint: set it, or give a default: ${env:TOKEN:-value})"));
  }

  @Test
  void secretValuesNeverAppearInProblems() {
    String broken = YAML.replace("url: \"${env:SHOP_URL:-http://127.0.0.1:8480/}health\"", "url: \"${env:TOKEN}\"")
        .replace("maxTargets: ${env:MAX_TARGETS:-3}", "maxTargets: ${env:TOKEN}");
    var invalid = (LoadResult.Invalid) load(Map.of("SUB", TOKEN, "TOKEN", TOKEN), broken);

    assertThat(invalid.problems()).hasSize(3).allSatisfy(p -> assertThat(p.format()).doesNotContain(TOKEN));
    assertThat(invalid.problems()).extracting(Problem::message).anySatisfy(m ->
        assertThat(m).contains("azure.subscription").contains("the value from the environment"));
  }

  @Test
  void aMalformedPlaceholderIsReported() {
    var invalid = (LoadResult.Invalid) load(Map.of("SUB", SUBSCRIPTION, "TOKEN", TOKEN),
        YAML.replace("Bearer ${env:TOKEN}", "Bearer ${env:TO KEN}"));
    assertThat(invalid.problems()).singleElement().satisfies(p ->
        assertThat(p.message()).contains("does not name an environment variable"));
  }

  @Test
  void theRunsSecretsAreTheProbesEnvironmentValuesButNotAzureIdentifiers() {
    var loaded = (LoadResult.Loaded) load(Map.of("SUB", SUBSCRIPTION, "TOKEN", TOKEN,
        "SHOP_URL", "https://shop.test/"), YAML);
    String text = "Bearer " + TOKEN + " at https://shop.test/health in " + SUBSCRIPTION;

    assertThat(loaded.secrets().scrub(text)).isEqualTo("*** at ***health in " + SUBSCRIPTION);
  }

  @Test
  void aLiteralUrlPasswordAndCredentialHeadersAreSecretAndTheCopyHidesThePassword() {
    String yaml = YAML.replace("\"${env:SHOP_URL:-http://127.0.0.1:8480/}health\"",
        "\"http://probe:pa55-literal@127.0.0.1:8480/health\"")
        .replace("Accept: application/json", "X-Api-Key: key-literal-77");
    var loaded = (LoadResult.Loaded) load(Map.of("SUB", SUBSCRIPTION, "TOKEN", TOKEN), yaml);
    HttpRequestSpec http = loaded.experiment().steadyState().probes().getFirst().http();

    assertThat(http.url().getUserInfo()).isEqualTo("probe:pa55-literal");
    assertThat(http.secretHeaders()).containsExactlyInAnyOrder("Authorization", "X-Api-Key");
    assertThat(loaded.redactedYaml()).contains("http://probe:***@127.0.0.1:8480/health")
        .doesNotContain("pa55-literal");
    assertThat(loaded.secrets().scrub("pa55-literal key-literal-77 " + TOKEN))
        .isEqualTo("*** *** ***");
  }
}
