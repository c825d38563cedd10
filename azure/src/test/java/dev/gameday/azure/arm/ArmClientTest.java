package dev.gameday.azure.arm;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.gameday.azure.support.ArmStub;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArmClientTest {
  static final String VM = "/subscriptions/" + ArmStub.SUB
      + "/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1";

  @TempDir static Path dir;
  static ArmStub stub;
  ArmClient arm;

  @BeforeAll
  static void start() throws Exception {
    stub = new ArmStub(dir);
  }

  @BeforeEach
  void reset() {
    stub.server.resetAll();
    arm = stub.client(ArmStub.fast());
  }

  @AfterAll
  static void stop() {
    stub.close();
  }

  @Test
  void sendsBearerTokenOverHttpsAndReadsIdsFromTheAnswer() {
    stub.server.stubFor(post(urlPathEqualTo(VM + "/powerOff")).willReturn(aResponse()
        .withStatus(202)
        .withHeader("x-ms-correlation-request-id", "corr-1")
        .withHeader("Azure-AsyncOperation", stub.endpoint()
            + "/subscriptions/x/providers/Microsoft.Compute/locations/weu/operations/op-42"
            + "?api-version=2025-04-01")));

    ArmResponse r = arm.send(ArmRequest.post(VM + "/powerOff", "2025-04-01", null)
        .withQuery("skipShutdown", "true"));

    assertThat(r.status()).isEqualTo(202);
    assertThat(r.correlationId()).contains("corr-1");
    assertThat(r.operationId()).contains("op-42");
    stub.server.verify(postRequestedFor(urlPathEqualTo(VM + "/powerOff"))
        .withQueryParam("api-version", equalTo("2025-04-01"))
        .withQueryParam("skipShutdown", equalTo("true"))
        .withHeader("Authorization", equalTo("Bearer " + ArmStub.TOKEN)));
  }

  @Test
  void aStaleIfMatchIs412SayingTheResourceChangedMeanwhileAndIsNotRetried() {
    String nsg = "/subscriptions/" + ArmStub.SUB + "/resourceGroups/rg/providers/"
        + "Microsoft.Network/networkSecurityGroups/nsg-app";
    stub.server.stubFor(put(urlPathEqualTo(nsg)).withHeader("If-Match", equalTo("W/\"old\""))
        .willReturn(aResponse().withStatus(412).withBody("{\"error\":{\"code\":"
            + "\"PreconditionFailed\",\"message\":\"etag mismatch\"}}")));

    assertThatThrownBy(() -> arm.send(ArmRequest.put(nsg, ApiVersions.NETWORK,
        Json.object()).withHeader("If-Match", "W/\"old\"")))
        .isInstanceOfSatisfying(ArmHttpException.class, e -> {
          assertThat(e.preconditionFailed()).isTrue();
          assertThat(e.getMessage()).contains("changed meanwhile", "run again");
        });
    stub.server.verify(1, putRequestedFor(urlPathEqualTo(nsg)));
  }

  @Test
  void honoursRetryAfterOn429() {
    stub.server.stubFor(get(urlPathEqualTo(VM)).inScenario("t")
        .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("ok")
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
            .withBody("{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"slow down\"}}")));
    stub.server.stubFor(get(urlPathEqualTo(VM)).inScenario("t").whenScenarioStateIs("ok")
        .willReturn(okJson("{\"name\":\"vm1\"}")));

    long t0 = System.nanoTime();
    ArmResponse r = arm.send(ArmRequest.get(VM, "2025-04-01"));
    Duration waited = Duration.ofNanos(System.nanoTime() - t0);

    assertThat(r.body().path("name").asText()).isEqualTo("vm1");
    assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    stub.server.verify(2, getRequestedFor(urlPathEqualTo(VM)));
  }

  @Test
  void retriesServerErrorsOnReadsButNotOnActions() {
    stub.server.stubFor(get(urlPathEqualTo(VM)).inScenario("g")
        .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("ok")
        .willReturn(aResponse().withStatus(500)));
    stub.server.stubFor(get(urlPathEqualTo(VM)).inScenario("g").whenScenarioStateIs("ok")
        .willReturn(okJson("{}")));
    stub.server.stubFor(post(urlPathEqualTo(VM + "/start")).willReturn(aResponse()
        .withStatus(500).withBody("{\"error\":{\"code\":\"InternalError\",\"message\":\"x\"}}")));

    assertThat(arm.send(ArmRequest.get(VM, "2025-04-01")).status()).isEqualTo(200);
    assertThatThrownBy(() -> arm.send(ArmRequest.post(VM + "/start", "2025-04-01", null)))
        .isInstanceOfSatisfying(ArmHttpException.class, e -> {
          assertThat(e.status()).isEqualTo(500);
          assertThat(e.code()).contains("InternalError");
        });
    stub.server.verify(2, getRequestedFor(urlPathEqualTo(VM)));
    stub.server.verify(1, postRequestedFor(urlPathEqualTo(VM + "/start")));
  }

  @Test
  void retriesActionsRefusedWith503BeforeAcceptance() {
    stub.server.stubFor(post(urlPathEqualTo(VM + "/start")).inScenario("p")
        .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("ok")
        .willReturn(aResponse().withStatus(503)));
    stub.server.stubFor(post(urlPathEqualTo(VM + "/start")).inScenario("p")
        .whenScenarioStateIs("ok").willReturn(aResponse().withStatus(202)));

    assertThat(arm.send(ArmRequest.post(VM + "/start", "2025-04-01", null)).status())
        .isEqualTo(202);
    stub.server.verify(2, postRequestedFor(urlPathEqualTo(VM + "/start")));
  }

  @Test
  void retriesAResetReadButNeverRepeatsAResetAction() {
    stub.server.stubFor(get(urlPathEqualTo(VM)).inScenario("r")
        .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("ok")
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    stub.server.stubFor(get(urlPathEqualTo(VM)).inScenario("r").whenScenarioStateIs("ok")
        .willReturn(okJson("{}")));
    stub.server.stubFor(post(urlPathEqualTo(VM + "/powerOff"))
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertThat(arm.send(ArmRequest.get(VM, "2025-04-01")).status()).isEqualTo(200);
    assertThatThrownBy(() -> arm.send(ArmRequest.post(VM + "/powerOff", "2025-04-01", null)))
        .isInstanceOfSatisfying(ArmTransportException.class,
            e -> assertThat(e.maybeSent()).isTrue());
    stub.server.verify(1, postRequestedFor(urlPathEqualTo(VM + "/powerOff")));
  }

  @Test
  void givesUpOnASlowAnswerAndRetriesTheRead() {
    stub.server.stubFor(get(urlPathEqualTo(VM)).inScenario("s")
        .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("ok")
        .willReturn(okJson("{\"slow\":true}").withFixedDelay(4000)));
    stub.server.stubFor(get(urlPathEqualTo(VM)).inScenario("s").whenScenarioStateIs("ok")
        .willReturn(okJson("{\"slow\":false}")));
    ArmClient impatient = stub.client(ArmStub.fast().withCallTimeout(Duration.ofSeconds(1)));

    long t0 = System.nanoTime();
    ArmResponse r = impatient.send(ArmRequest.get(VM, "2025-04-01"));

    assertThat(r.body().path("slow").asBoolean()).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(3500));
  }

  @Test
  void doesNotRetryAConflict() {
    stub.server.stubFor(post(urlPathEqualTo(VM + "/start")).willReturn(aResponse()
        .withStatus(409).withBody("{\"error\":{\"code\":\"OperationNotAllowed\","
            + "\"message\":\"another operation is in progress\"}}")));

    assertThatThrownBy(() -> arm.send(ArmRequest.post(VM + "/start", "2025-04-01", null)))
        .isInstanceOfSatisfying(ArmHttpException.class, e -> {
          assertThat(e.status()).isEqualTo(409);
          assertThat(e.getMessage()).contains("another operation is in progress");
        });
    stub.server.verify(1, postRequestedFor(urlPathEqualTo(VM + "/start")));
  }

  @Test
  void limitsWritesPerSubscription() {
    stub.server.stubFor(put(urlPathMatching(".*/securityRules/.*")).willReturn(okJson("{}")));
    ArmClient limited = stub.client(ArmStub.fast().withRates(20, 1000));

    long t0 = System.nanoTime();
    for (int i = 0; i < 12; i++) {
      limited.send(ArmRequest.put("/subscriptions/" + ArmStub.SUB + "/resourceGroups/rg/"
          + "providers/Microsoft.Network/networkSecurityGroups/n/securityRules/r" + i,
          "2025-03-01", Json.object()));
    }
    // 2 writes per 100 ms: 12 writes need at least 5 refills
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(
        Duration.ofMillis(450));
  }

  @Test
  void refusesToSendTheTokenToAnotherHost() {
    assertThatThrownBy(() -> arm.getUrl("https://attacker.example/operations/1"))
        .isInstanceOf(ArmTransportException.class).hasMessageContaining("refusing");
  }

  @Test
  void answers404AsEmptyWhenAsked() {
    stub.server.stubFor(get(urlPathEqualTo(VM)).willReturn(aResponse().withStatus(404)
        .withBody("{\"error\":{\"code\":\"ResourceNotFound\",\"message\":\"gone\"}}")));

    assertThat(arm.find(ArmRequest.get(VM, "2025-04-01"))).isEmpty();
    stub.server.verify(1, getRequestedFor(urlPathEqualTo(VM)));
  }
}
