package dev.gameday.azure.arm;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.azure.support.ArmStub;
import dev.gameday.azure.support.WithArmStub;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Polling an operation at the URL ARM handed out: Azure-AsyncOperation or Location. */
class OperationStatusTest extends WithArmStub {

  ArmClient arm() {
    return stub.client(ArmStub.fast());
  }

  String url(String path) {
    return stub.endpoint() + path + "?api-version=2025-04-01";
  }

  @Test
  void aLocationThatAnswersAnErrorIsAFailedOperationAtOnce() {
    stub.server.stubFor(get(urlPathEqualTo("/ops/result")).willReturn(aResponse().withStatus(409)
        .withBody("{\"error\":{\"code\":\"OperationNotAllowed\",\"message\":\"the plan moved on\"}}")));

    OperationStatus s = OperationStatus.poll(arm(), url("/ops/result"));

    assertThat(s.done()).isTrue();
    assertThat(s.succeeded()).isFalse();
    assertThat(s.error()).hasValueSatisfying(e -> assertThat(e).contains("OperationNotAllowed",
        "the plan moved on"));
    stub.server.verify(1, getRequestedFor(urlPathEqualTo("/ops/result")));
  }

  @Test
  void aLocationStillRunningIsInProgressWithItsRetryAfter() {
    stub.server.stubFor(get(urlPathEqualTo("/ops/result")).willReturn(aResponse().withStatus(202)
        .withHeader("Retry-After", "7")));

    OperationStatus s = OperationStatus.poll(arm(), url("/ops/result"));

    assertThat(s.inProgress()).isTrue();
    assertThat(s.retryAfter()).contains(Duration.ofSeconds(7));
  }

  @Test
  void anAsyncOperationInProgressCarriesRetryAfterAndAFinishedOneDoesNot() {
    stub.server.stubFor(get(urlPathEqualTo("/ops/a")).willReturn(okJson("{\"status\":\"InProgress\"}")
        .withHeader("Retry-After", "3")));
    stub.server.stubFor(get(urlPathEqualTo("/ops/b")).willReturn(okJson(
        "{\"status\":\"Failed\",\"error\":{\"code\":\"Boom\",\"message\":\"no\"}}")
        .withHeader("Retry-After", "3")));

    assertThat(OperationStatus.poll(arm(), url("/ops/a")).retryAfter()).contains(Duration.ofSeconds(3));
    OperationStatus failed = OperationStatus.poll(arm(), url("/ops/b"));
    assertThat(failed.retryAfter()).isEmpty();
    assertThat(failed.error()).contains("Boom: no");
  }

  @Test
  void throttlingOnAPollIsNotAFailedOperation() {
    stub.server.stubFor(get(urlPathEqualTo("/ops/t")).inScenario("t").whenScenarioStateIs(
        com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED).willSetStateTo("ok")
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")));
    stub.server.stubFor(get(urlPathEqualTo("/ops/t")).inScenario("t").whenScenarioStateIs("ok")
        .willReturn(aResponse().withStatus(202)));

    assertThat(OperationStatus.poll(arm(), url("/ops/t")).inProgress()).isTrue();
  }
}
